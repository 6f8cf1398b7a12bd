package cn.creditbank.ledger.api.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The token signing keys, kept in {@code auth_signing_key} so that every node and every restart signs and verifies
 * with the same keys. All stored keys are published (a token signed before a rotation stays verifiable); only the
 * newest active one keeps its private part here, so it is the only one the encoder can sign with.
 */
final class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    /** Another node may rotate the keys; pick that up without a restart. */
    private static final Duration REFRESH = Duration.ofMinutes(1);
    /** A token with an unknown kid may come from a key another node just created; look again, but not too often. */
    private static final Duration REFRESH_ON_MISS = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile JWKSet keys;
    private volatile Instant loadedAt;

    SigningKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        createFirstKeyIfNone();
        reload();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        if (age().compareTo(REFRESH) > 0) {
            reloadQuietly();
        }
        List<JWK> found = selector.select(keys);
        if (found.isEmpty() && age().compareTo(REFRESH_ON_MISS) > 0) {
            reloadQuietly();
            found = selector.select(keys);
        }
        return found;
    }

    /** The key id that signs new tokens. */
    String signingKeyId() {
        return keys.getKeys().stream().filter(JWK::isPrivate).findFirst().orElseThrow().getKeyID();
    }

    /**
     * Inserts the next generation unless an active key exists, in one statement so that the check and the insert see
     * the same snapshot: nodes starting together compute the same generation, the unique constraint lets one insert
     * through, and the others read that key back. The count first spares generating a key on every start.
     */
    private void createFirstKeyIfNone() {
        Integer active = jdbc.queryForObject("SELECT count(*) FROM auth_signing_key WHERE active", Integer.class);
        if (active != null && active > 0) {
            return;
        }
        RSAKey key = generate();
        int inserted = jdbc.update("""
                INSERT INTO auth_signing_key (key_id, generation, jwk)
                SELECT ?, COALESCE(MAX(generation), 0) + 1, ? FROM auth_signing_key
                HAVING COUNT(*) FILTER (WHERE active) = 0
                ON CONFLICT (generation) DO NOTHING""", key.getKeyID(), key.toJSONString());
        if (inserted == 1) {
            LOG.info("Created token signing key {}", key.getKeyID());
        }
    }

    private void reload() {
        keys = new JWKSet(jdbc.query(
                "SELECT jwk, active FROM auth_signing_key ORDER BY active DESC, generation DESC",
                (row, index) -> {
                    JWK jwk = parse(row.getString("jwk"));
                    return index == 0 && row.getBoolean("active") ? jwk : jwk.toPublicJWK();
                }));
        loadedAt = clock.instant();
    }

    /** A database hiccup must not stop token checks: the keys loaded before are still good. */
    private void reloadQuietly() {
        try {
            reload();
        } catch (DataAccessException unavailable) {
            LOG.warn("Cannot reload the token signing keys; using those loaded at {}: {}", loadedAt,
                    unavailable.getMessage());
        }
    }

    private Duration age() {
        return Duration.between(loadedAt, clock.instant());
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("auth_signing_key holds a key that is not a JWK", e);
        }
    }
}
