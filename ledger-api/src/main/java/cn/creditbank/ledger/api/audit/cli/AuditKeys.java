package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.Ed25519Keys;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

/** The audit public keys by key id, read from the JWK set the API publishes (RFC 7517, Ed25519 keys as RFC 8037). */
final class AuditKeys {

    /** Small files, read whole; a repeated JSON key is refused because it would hide one of two values. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private AuditKeys() {
    }

    static Map<String, PublicKey> read(Path file) throws BadUsage {
        JsonNode keys;
        try {
            keys = JSON.readTree(file).path("keys");
        } catch (JacksonException e) {
            throw new BadUsage("密钥文件无效 / " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (!keys.isArray()) {
            throw new BadUsage("密钥文件无效 / " + file + " is not a JWK set ({\"keys\": [...]})");
        }
        Map<String, PublicKey> byId = new HashMap<>();
        for (JsonNode jwk : keys.values()) {
            // A JWK set may carry other keys too; only Ed25519 keys can have signed a checkpoint.
            if (!"OKP".equals(jwk.path("kty").asString(null)) || !"Ed25519".equals(jwk.path("crv").asString(null))) {
                continue;
            }
            String kid = jwk.path("kid").asString(null);
            String x = jwk.path("x").asString(null);
            if (kid == null || x == null) {
                throw new BadUsage("密钥文件无效 / an Ed25519 key in " + file + " has no kid or no x");
            }
            if (byId.put(kid, publicKey(kid, x)) != null) {
                throw new BadUsage("密钥文件无效 / key id " + kid + " appears twice in " + file);
            }
        }
        return byId;
    }

    private static PublicKey publicKey(String kid, String x) throws BadUsage {
        try {
            return Ed25519Keys.fromRawBase64Url(x);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadUsage("密钥文件无效 / key " + kid + " is not an Ed25519 public key: " + e.getMessage());
        }
    }
}
