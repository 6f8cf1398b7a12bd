package cn.creditbank.ledger.api.security;

/** The roles of API.md: what a token's {@code roles} claim may name. */
public enum Role {
    LEARNER, INSTITUTION, REGULATOR, OPERATOR
}
