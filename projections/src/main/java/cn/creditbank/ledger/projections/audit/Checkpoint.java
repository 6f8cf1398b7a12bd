package cn.creditbank.ledger.projections.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement that the chain had {@code hash} at link {@code chainSequence} (ledger position
 * {@code position}) at {@code signedAt}. The signature is Ed25519 over {@link #signedText()}, base64url without
 * padding; {@code keyId} names the public key in the audit JWK set.
 */
public record Checkpoint(long chainSequence, long position, String hash, Instant signedAt, String keyId,
                         String signature) {

    /** The exact text that is signed: {@code credit-bank-checkpoint-v1|chainSequence|position|hash|signedAt}. */
    public byte[] signedText() {
        return signedText(chainSequence, position, hash, signedAt);
    }

    public static byte[] signedText(long chainSequence, long position, String hash, Instant signedAt) {
        return ("credit-bank-checkpoint-v1|" + chainSequence + "|" + position + "|" + hash + "|" + signedAt)
                .getBytes(StandardCharsets.UTF_8);
    }
}
