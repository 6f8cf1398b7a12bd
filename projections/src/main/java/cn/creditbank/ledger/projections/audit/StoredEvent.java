package cn.creditbank.ledger.projections.audit;

/**
 * One event exactly as the event store keeps it: the fields the audit chain hashes. {@code payload} and
 * {@code metadata} are the stored JSON documents, unchanged; {@code recordedAt} is the stored ISO-8601 timestamp text.
 *
 * @param position    the global index (ledger position)
 * @param aggregateId the stream the event belongs to
 * @param sequence    its number within that stream
 * @param type        the payload type (Java class name of the event)
 * @param revision    the payload revision, empty when none
 */
public record StoredEvent(long position, String eventId, String aggregateId, long sequence, String type,
                          String revision, String recordedAt, String payload, String metadata) {
}
