-- The tamper-evident audit trail (issue: regulator audit; docs in projections' audit package).

-- One link per stored event, in the order the chainer met them (chain_sequence), which is global_index order except
-- for events that committed late with a lower global_index: they are appended when they become visible.
-- hash = ChainHash.next(previous_hash, the event as stored); the first link's previous_hash is 64 zeros.
CREATE TABLE audit_chain (
    chain_sequence   BIGINT       NOT NULL,
    position         BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    hash             VARCHAR(64)  NOT NULL,
    previous_hash    VARCHAR(64)  NOT NULL,
    chained_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (chain_sequence),
    -- every event is chained at most once; lookups by ledger position (verification ranges, the chainer's anti-join)
    -- (the included chain_sequence answers "first/last link of a position range" from the index alone)
    CONSTRAINT audit_chain_position UNIQUE (position) INCLUDE (chain_sequence),
    CONSTRAINT audit_chain_event UNIQUE (event_identifier)
);

-- Numbers at or below the chain's highest position that have no event yet: a transaction still in flight (it will
-- commit late and be chained then) or one that rolled back (the number never comes). The chainer looks them up
-- again on every run and forgets them after the horizon (ledger.audit.gap-horizon). The low-water mark is
-- min(position) - 1 of this table, or the highest chained position when it is empty: below it every number is
-- chained or was absent for longer than the horizon, so an unchained event there is reported EVENT_NOT_CHAINED.
CREATE TABLE audit_chain_gap (
    position BIGINT      NOT NULL,
    seen_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (position)
);

-- Ed25519 keys that sign checkpoints. key_id is the RFC 7638 JWK thumbprint of the public key, so it never changes;
-- public_key is the raw key, base64url (the JWK's x); private_key is PKCS#8. Retired keys stay: old checkpoints
-- must remain verifiable and the JWK set keeps publishing them.
CREATE TABLE audit_signing_key (
    key_id      VARCHAR(64)  NOT NULL,
    public_key  VARCHAR(64)  NOT NULL,
    private_key BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    active      BOOLEAN      NOT NULL,
    retired_at  TIMESTAMPTZ,
    PRIMARY KEY (key_id)
);
-- at most one active key: two nodes generating the first key at once insert with ON CONFLICT and one wins
CREATE UNIQUE INDEX audit_signing_key_one_active ON audit_signing_key (active) WHERE active;

-- Signed statements "the chain had hash H at link S (position P) at T": Ed25519 over Checkpoint.signedText().
CREATE TABLE audit_checkpoint (
    chain_sequence BIGINT       NOT NULL,
    position       BIGINT       NOT NULL,
    hash           VARCHAR(64)  NOT NULL,
    signed_at      TIMESTAMPTZ  NOT NULL,
    key_id         VARCHAR(64)  NOT NULL REFERENCES audit_signing_key (key_id),
    signature      VARCHAR(128) NOT NULL,
    PRIMARY KEY (chain_sequence)
);
CREATE INDEX audit_checkpoint_signed_at ON audit_checkpoint (signed_at);
