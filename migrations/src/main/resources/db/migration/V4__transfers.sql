-- Credit-transfer applications (学分转换申请). The read model, kept by the "transfers" projection: one row per
-- application, its proposed courses (with what was approved), the rule versions its evaluation used, and the
-- source outcomes withdrawn (voided or revoked) after it was made.
CREATE TABLE transfer_application (
    transfer_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    learner_id           VARCHAR(64)   NOT NULL,
    programme_code       VARCHAR(64)   NOT NULL,
    programme_version    INTEGER       NOT NULL,
    institution          VARCHAR(64)   NOT NULL,
    status               VARCHAR(16)   NOT NULL
        CONSTRAINT transfer_application_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'AFFECTED')),
    as_of                DATE          NOT NULL,
    evaluated_at         TIMESTAMPTZ   NOT NULL,
    earned_credits       NUMERIC(8, 2) NOT NULL,
    transferred_credits  NUMERIC(8, 2) NOT NULL,
    cap                  NUMERIC(8, 2) NOT NULL,
    applied_at           TIMESTAMPTZ   NOT NULL,
    applied_by           VARCHAR(255)  NOT NULL,
    decided_at           TIMESTAMPTZ,
    decided_by           VARCHAR(64),
    decision_recorded_by VARCHAR(255),
    reason               VARCHAR(500)
);
CREATE INDEX transfer_application_institution ON transfer_application (institution, status, applied_at DESC);
CREATE INDEX transfer_application_learner ON transfer_application (learner_id, programme_code);

CREATE TABLE transfer_course (
    transfer_id  VARCHAR(64)   NOT NULL REFERENCES transfer_application ON DELETE CASCADE,
    course_code  VARCHAR(64)   NOT NULL,
    position     INTEGER       NOT NULL, -- the order the evaluation proposed it in
    credits      NUMERIC(8, 2) NOT NULL,
    outcome_id   VARCHAR(64)   NOT NULL,
    rule_id      VARCHAR(64)   NOT NULL,
    rule_version INTEGER       NOT NULL,
    approved     BOOLEAN       NOT NULL DEFAULT FALSE,
    approved_at  TIMESTAMPTZ,
    PRIMARY KEY (transfer_id, course_code)
);
CREATE INDEX transfer_course_outcome ON transfer_course (outcome_id);

CREATE TABLE transfer_rule (
    transfer_id  VARCHAR(64) NOT NULL REFERENCES transfer_application ON DELETE CASCADE,
    rule_id      VARCHAR(64) NOT NULL,
    rule_version INTEGER     NOT NULL,
    PRIMARY KEY (transfer_id, rule_id, rule_version)
);

-- A proposed source outcome withdrawn after the application was made: what the registrar and the regulator review.
CREATE TABLE transfer_affected (
    transfer_id VARCHAR(64) NOT NULL REFERENCES transfer_application ON DELETE CASCADE,
    outcome_id  VARCHAR(64) NOT NULL,
    cause       VARCHAR(16) NOT NULL CONSTRAINT transfer_affected_cause CHECK (cause IN ('VOIDED', 'REVOKED')),
    affected_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (transfer_id, outcome_id, cause)
);

-- Every void and revocation the projection has seen, so an application made on an outcome already withdrawn
-- (the caller's evaluation lagged) is flagged as soon as it arrives.
CREATE TABLE transfer_outcome_withdrawal (
    learner_id   VARCHAR(64) NOT NULL,
    outcome_id   VARCHAR(64) NOT NULL,
    cause        VARCHAR(16) NOT NULL,
    withdrawn_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (learner_id, outcome_id, cause)
);

-- Write side: at most one pending application per learner and programme, written in the transaction that
-- records the application (a subscribing processor) and removed by its decision.
CREATE TABLE open_transfer_application (
    learner_id     VARCHAR(64) NOT NULL,
    programme_code VARCHAR(64) NOT NULL,
    transfer_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (learner_id, programme_code)
);
