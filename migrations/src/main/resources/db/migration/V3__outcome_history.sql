-- Read model of learner accounts and their outcomes, bitemporal: each event that touches an outcome closes the
-- outcome's current row (known_until) and adds the next version (known_from = the event's timestamp), so an
-- answer "as the bank knew it at T" is one range query per learner, never a replay.
CREATE TABLE learner_account (
    learner_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    opened_at      TIMESTAMPTZ  NOT NULL,
    recorded_by    VARCHAR(255) NOT NULL,
    event_sequence BIGINT       NOT NULL
);

CREATE TABLE outcome_version (
    learner_id     VARCHAR(64)  NOT NULL,
    outcome_id     VARCHAR(64)  NOT NULL,
    -- the learner stream's sequence number of the event that made this version: the idempotency key of the write
    event_sequence BIGINT       NOT NULL,
    known_from     TIMESTAMPTZ  NOT NULL,
    known_until    TIMESTAMPTZ,
    kind           VARCHAR(16)  NOT NULL,
    unit_code      VARCHAR(64)  NOT NULL,
    unit_version   INTEGER      NOT NULL,
    issuer         VARCHAR(64)  NOT NULL,
    external_ref   VARCHAR(255) NOT NULL,
    outcome_date   DATE         NOT NULL,
    score          NUMERIC(5, 2),
    level          VARCHAR(64),
    passed         BOOLEAN      NOT NULL,
    credits        NUMERIC(8, 2) NOT NULL,
    valid_until    DATE,
    voided         BOOLEAN      NOT NULL DEFAULT FALSE,
    revoked_on     DATE,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    recorded_by    VARCHAR(255) NOT NULL,
    PRIMARY KEY (learner_id, outcome_id, event_sequence),
    CONSTRAINT outcome_version_one_per_event UNIQUE (learner_id, event_sequence)
);
CREATE INDEX outcome_version_current ON outcome_version (learner_id) WHERE known_until IS NULL;
CREATE INDEX outcome_version_known ON outcome_version (learner_id, known_from);

-- Catalogue versions as of a transaction time.
CREATE INDEX catalogue_item_known ON catalogue_item (kind, code, recorded_at);
