package cn.creditbank.ledger.projections.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over the ledger (docs/audit.md). Each link is SHA-256 over a canonical encoding: the tag
 * {@code credit-bank-audit-v1}, then each field as a 4-byte big-endian length followed by its UTF-8 bytes, in this
 * order: position, event id, aggregate id, sequence, type, revision, recorded-at, payload, metadata, previous hash.
 * Numbers are written in decimal, hashes in lower-case hex; the first link's previous hash is 64 zeros. Length
 * prefixes make the encoding unambiguous: no two different events encode to the same bytes.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);
    private static final byte[] TAG = "credit-bank-audit-v1".getBytes(StandardCharsets.UTF_8);

    private ChainHash() {
    }

    public static String next(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(TAG);
        for (String field : new String[]{Long.toString(event.position()), event.eventId(), event.aggregateId(),
                Long.toString(event.sequence()), event.type(), event.revision(), event.recordedAt(),
                event.payload(), event.metadata(), previousHash}) {
            byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
