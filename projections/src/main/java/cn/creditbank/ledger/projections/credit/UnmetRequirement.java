package cn.creditbank.ledger.projections.credit;

/**
 * A requirement of the next grade that does not hold yet.
 *
 * @param requirement machine-readable, e.g. {@code CERTIFICATE_AT_LEAST:AIGC:导师级} or
 *                    {@code CREDITS_AT_LEAST:MODULE+TRAINING:6}
 * @param have        what the learner has: the best active level (absent if none) or the credits, e.g. {@code 4.5}
 * @param need        the level or the credits required
 */
public record UnmetRequirement(String requirement, String have, String need) {
}
