-- Every version of every catalogue definition, written in the same transaction as the event that
-- defines it (a subscribing processor), so the write side can check references and accreditation
-- consistently. Rows are only ever inserted: a new version is a new row.
CREATE TABLE catalogue_item (
    kind        VARCHAR(32)  NOT NULL,
    code        VARCHAR(128) NOT NULL,
    version     INTEGER      NOT NULL,
    definition  JSONB        NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (kind, code, version)
);

-- Personal data lives here, never in the event store (PIPL): erasing a learner's identity nulls these
-- columns and leaves the ledger untouched.
CREATE TABLE learner_identity (
    learner_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name VARCHAR(255),
    national_id  VARCHAR(64),
    external_ref VARCHAR(255),
    opened_at    TIMESTAMPTZ  NOT NULL,
    erased_at    TIMESTAMPTZ
);
CREATE INDEX learner_identity_display_name ON learner_identity (display_name);
CREATE UNIQUE INDEX learner_identity_external_ref ON learner_identity (external_ref) WHERE external_ref IS NOT NULL;

-- The issuer's own reference of an outcome is unique across the whole bank, not just per learner:
-- written in the recording transaction, so a reference reused for another learner is refused.
CREATE TABLE outcome_reference (
    issuer       VARCHAR(128) NOT NULL,
    external_ref VARCHAR(255) NOT NULL,
    learner_id   VARCHAR(64)  NOT NULL,
    outcome_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (issuer, external_ref)
);
