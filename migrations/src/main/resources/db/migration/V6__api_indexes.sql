-- Access checks look up the issuer of a learner's outcome in the reference table (written in the recording
-- transaction, so never behind the ledger).
CREATE INDEX outcome_reference_outcome ON outcome_reference (learner_id, outcome_id);
-- The learner list of operators and regulators (GET /api/v1/learners) is in opening order.
CREATE INDEX learner_identity_opened ON learner_identity (opened_at, learner_id);
