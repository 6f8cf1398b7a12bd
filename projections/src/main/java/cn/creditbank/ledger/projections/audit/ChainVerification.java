package cn.creditbank.ledger.projections.audit;

/**
 * The answer of a verification: whether the stretch of the chain checked is intact, how many links were verified,
 * the last verified link (position 0 and the genesis hash when none) and, when not intact, the first problem in chain
 * order.
 */
public record ChainVerification(boolean verified, long events, long headPosition, String headHash,
                                Mismatch firstMismatch) {

    public enum Reason {
        /** The event no longer hashes to its link, or the link does not follow the one before it. */
        HASH_MISMATCH,
        /** A link names a ledger position that holds no event. */
        EVENT_MISSING,
        /** An event at or below the chainer's low-water mark has no link. */
        EVENT_NOT_CHAINED,
        /** A checkpoint names a hash (or position) that the chain does not have at its link, or a link it lacks. */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature does not verify with the published key it names. */
        BAD_SIGNATURE
    }

    /**
     * Where and why; {@code chainSequence} is absent for an event that is not chained. For HASH_MISMATCH and
     * CHECKPOINT_MISMATCH {@code expected} is what the chain says and {@code actual} what was found.
     */
    public record Mismatch(long position, Long chainSequence, Reason reason, String expected, String actual) {
    }

    static ChainVerification intact(long events, long headPosition, String headHash) {
        return new ChainVerification(true, events, headPosition, headHash, null);
    }

    static ChainVerification broken(long events, long headPosition, String headHash, Mismatch mismatch) {
        return new ChainVerification(false, events, headPosition, headHash, mismatch);
    }
}
