package cn.creditbank.ledger.api.problem;

/** Finds a failure of a given type in a chain of causes: frameworks wrap refusals on their way out. */
public final class Causes {

    private Causes() {
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
