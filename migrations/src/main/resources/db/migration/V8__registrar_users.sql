-- Registrars (教务人员) sign in to the portal as people of an institution: their tokens carry its catalogue code
-- (the institution claim) the way an institution's machine client's do. Learners and others leave it empty.
ALTER TABLE auth_user ADD COLUMN institution VARCHAR(64);
