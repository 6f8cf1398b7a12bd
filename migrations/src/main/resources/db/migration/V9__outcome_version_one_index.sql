-- outcome_version had four indexes, every one led by learner_id: the primary key (learner, outcome, sequence), the
-- one-row-per-event key (learner, sequence), the current rows and the rows by known_from. Every reader finds one
-- learner's rows (a handful) and filters them, so one index serves them all, while each index costs every row
-- written: nearly one row per event, the bulk of a rebuild's database work. The key that stays is the write's
-- idempotency key; it implies the old primary key's uniqueness.
ALTER TABLE outcome_version DROP CONSTRAINT outcome_version_pkey;
ALTER TABLE outcome_version DROP CONSTRAINT outcome_version_one_per_event;
ALTER TABLE outcome_version ADD CONSTRAINT outcome_version_pkey PRIMARY KEY (learner_id, event_sequence);
DROP INDEX outcome_version_current;
DROP INDEX outcome_version_known;
