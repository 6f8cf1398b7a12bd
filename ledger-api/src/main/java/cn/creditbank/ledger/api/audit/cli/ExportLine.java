package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.StoredEvent;

/**
 * One line of an audit export. {@code payload} and {@code metadata} are the exact stored texts, cut out of the line
 * unchanged, because the chain hash covers those bytes and any re-serialization would change them.
 *
 * @param claimedOrigin who the line says recorded the event (not hashed: just a readable copy)
 * @param hashedOrigin  the same facts as the hashed metadata states them
 */
record ExportLine(long position, long chainSequence, String eventId, String type, String revision, String aggregateId,
                  long sequence, String recordedAt, Origin claimedOrigin, String payload, String metadata,
                  Origin hashedOrigin, String hash, String previousHash) {

    /** Who caused an event: the principal, the institution it acted for and the HTTP request id. */
    record Origin(String recordedBy, String institution, String requestId) {
    }

    StoredEvent storedEvent() {
        return new StoredEvent(position, eventId, aggregateId, sequence, type, revision, recordedAt, payload, metadata);
    }

    /** How failures name this line: by ledger position first, as the server's own verify endpoint does. */
    String where(long lineNumber) {
        return "position " + position + " (chain " + chainSequence + ", line " + lineNumber + ")";
    }
}
