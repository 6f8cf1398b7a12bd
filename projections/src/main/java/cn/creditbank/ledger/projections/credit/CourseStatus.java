package cn.creditbank.ledger.projections.credit;

/** 已获得 / 已转换 / 未完成. */
public enum CourseStatus {
    EARNED, TRANSFERRED, MISSING
}
