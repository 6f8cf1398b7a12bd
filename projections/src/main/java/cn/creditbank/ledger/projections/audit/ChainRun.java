package cn.creditbank.ledger.projections.audit;

/**
 * What one call of the chainer did: links appended, checkpoints signed, and the chain afterwards (its last link and
 * the low-water mark, below which every ledger position is chained or was absent for longer than the horizon).
 * {@code skipped} when another node held the chain lock.
 */
public record ChainRun(boolean skipped, int appended, int checkpoints, long headSequence, long headPosition,
                       long lowWater) {

    static ChainRun skippedRun() {
        return new ChainRun(true, 0, 0, 0, 0, 0);
    }

    ChainRun plus(ChainRun later) {
        return new ChainRun(skipped && later.skipped, appended + later.appended, checkpoints + later.checkpoints,
                later.skipped ? headSequence : later.headSequence, later.skipped ? headPosition : later.headPosition,
                later.skipped ? lowWater : later.lowWater);
    }
}
