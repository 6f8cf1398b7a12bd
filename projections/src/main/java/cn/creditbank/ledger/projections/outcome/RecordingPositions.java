package cn.creditbank.ledger.projections.outcome;

import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * The ledger position of the newest outcome recorded by the current thread's command, noted inside the recording
 * transaction by the reference guard. A caller clears it, sends its command on this thread and, once the command
 * has returned (committed), takes it; a command retried on another thread, or one that recorded nothing, leaves
 * it empty, and the caller then asks the event store.
 */
@Component
public class RecordingPositions {

    private final ThreadLocal<long[]> newest = ThreadLocal.withInitial(() -> new long[]{-1});

    public void clear() {
        newest.get()[0] = -1;
    }

    /** The position noted since {@link #clear()}, if any; clears it. */
    public OptionalLong take() {
        long[] slot = newest.get();
        long position = slot[0];
        slot[0] = -1;
        return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    void recorded(long position) {
        if (position >= 0) {
            newest.get()[0] = position;
        }
    }
}
