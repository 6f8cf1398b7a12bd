package cn.creditbank.ledger.core.catalogue;

/** What a learning unit is; an outcome's kind must match its unit's kind. */
public enum UnitKind {
    COURSE, MODULE, EXAM, TRAINING, CERTIFICATE
}
