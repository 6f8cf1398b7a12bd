package cn.creditbank.ledger.core.catalogue;

public enum InstitutionKind {
    UNIVERSITY, VOCATIONAL_COLLEGE, TRAINING_PROVIDER, ASSESSMENT_BODY
}
