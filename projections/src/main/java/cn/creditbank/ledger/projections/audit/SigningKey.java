package cn.creditbank.ledger.projections.audit;

import java.time.Instant;

/**
 * A published checkpoint-signing key: its id (the RFC 7638 JWK thumbprint), the raw public key as a JWK's {@code x},
 * when it was made and whether it signs new checkpoints (retired keys stay published for the old ones).
 */
public record SigningKey(String keyId, String x, Instant createdAt, boolean active) {
}
