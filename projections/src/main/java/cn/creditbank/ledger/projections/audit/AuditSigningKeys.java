package cn.creditbank.ledger.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 keys that sign checkpoints, kept in {@code audit_signing_key} so every node signs with the same key and
 * a restart keeps it. The first key is made on first use; two nodes making it at once both insert with
 * {@code ON CONFLICT} on the one-active-key index, one wins and both use the winner's. {@link #rotate()} retires the
 * active key and makes a new one; retired keys stay published so that old checkpoints remain verifiable. A key's id
 * is its RFC 7638 JWK thumbprint: derived from the key alone, so it is stable and the same on every node.
 *
 * <p>The private key is stored as PKCS#8 in the ledger's own database: whoever can rewrite the database can also sign.
 * Checkpoints therefore protect against tampering only as far as they are copied out (the regulator keeps the
 * checkpoints and the JWK set it fetched); moving the key to an HSM or KMS changes only this class.
 */
@Component
public class AuditSigningKeys {

    private static final String ACTIVE_KEY = "SELECT key_id, private_key FROM audit_signing_key WHERE active";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public AuditSigningKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A checkpoint of the given link signed now with the active key (made if there is none yet). */
    public Checkpoint sign(long chainSequence, long position, String hash, Instant signedAt) {
        return transaction.execute(status -> {
            ActiveKey key = activeKey();
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(key.privateKey());
                ed25519.update(Checkpoint.signedText(chainSequence, position, hash, signedAt));
                String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
                return new Checkpoint(chainSequence, position, hash, signedAt, key.keyId(), signature);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java 17 runtime signs with Ed25519", e);
            }
        });
    }

    /** Retires the active key and makes a new active one; returns the new key. Concurrent rotations make one key. */
    public SigningKey rotate() {
        return transaction.execute(status -> {
            jdbc.update("UPDATE audit_signing_key SET active = false, retired_at = ? WHERE active",
                    Timestamp.from(clock.instant()));
            String keyId = activeKey().keyId();
            return published().stream().filter(key -> key.keyId().equals(keyId)).findFirst().orElseThrow();
        });
    }

    /** Every key that ever signed, oldest first: the audit JWK set. */
    public List<SigningKey> published() {
        return jdbc.query("SELECT key_id, public_key, created_at, active FROM audit_signing_key ORDER BY created_at, key_id",
                (row, n) -> new SigningKey(row.getString("key_id"), row.getString("public_key"),
                        row.getTimestamp("created_at").toInstant(), row.getBoolean("active")));
    }

    /** The public keys by key id, to check signatures. */
    public Map<String, PublicKey> publicKeys() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (SigningKey key : published()) {
            try {
                keys.put(key.keyId(), Ed25519Keys.fromRawBase64Url(key.x()));
            } catch (GeneralSecurityException | IllegalArgumentException malformed) {
                // a damaged key row verifies nothing: its checkpoints are reported BAD_SIGNATURE
            }
        }
        return keys;
    }

    private record ActiveKey(String keyId, PrivateKey privateKey) {
    }

    /** The active key, made first if there is none; runs inside the caller's transaction. */
    private ActiveKey activeKey() {
        List<ActiveKey> active = jdbc.query(ACTIVE_KEY, (row, n) -> new ActiveKey(row.getString("key_id"),
                privateKey(row.getBytes("private_key"))));
        if (!active.isEmpty()) {
            return active.get(0);
        }
        KeyPair pair = generate();
        String x = Ed25519Keys.rawBase64Url(pair.getPublic());
        // waits for a concurrent first insert and then does nothing: the re-read below sees the winner's key
        jdbc.update("""
                        INSERT INTO audit_signing_key (key_id, public_key, private_key, created_at, active)
                        VALUES (?, ?, ?, ?, true) ON CONFLICT (active) WHERE active DO NOTHING""",
                thumbprint(x), x, pair.getPrivate().getEncoded(), Timestamp.from(clock.instant()));
        return jdbc.query(ACTIVE_KEY, (row, n) -> new ActiveKey(row.getString("key_id"),
                privateKey(row.getBytes("private_key")))).get(0);
    }

    /** RFC 7638: SHA-256 of the required members in lexicographic order, without spaces, base64url. */
    static String thumbprint(String x) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored audit signing key is not an Ed25519 PKCS#8 key", e);
        }
    }
}
