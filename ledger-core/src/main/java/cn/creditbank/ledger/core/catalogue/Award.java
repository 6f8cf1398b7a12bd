package cn.creditbank.ledger.core.catalogue;

/** What a programme awards: 专科, 本科 or 微专业证书. */
public enum Award {
    DIPLOMA, BACHELOR, MICRO_CREDENTIAL
}
