package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.Checkpoint;
import cn.creditbank.ledger.projections.audit.Ed25519Keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** An Ed25519 key pair from the JDK that signs checkpoints as the ledger does, and its JWK. */
final class CheckpointSigner {

    static final Instant SIGNED_AT = Instant.parse("2025-06-30T16:00:00Z");

    private final String keyId;
    private final KeyPair keys;

    CheckpointSigner(String keyId) throws GeneralSecurityException {
        this.keyId = keyId;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    String jwk() {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Ed25519Keys.rawBase64Url(keys.getPublic())
                + "\",\"kid\":\"" + keyId + "\",\"use\":\"sig\",\"alg\":\"EdDSA\"}";
    }

    String keySet() {
        return "{\"keys\":[" + jwk() + "]}";
    }

    /** A checkpoint item as the API lists it, genuinely signed with this key (whatever the values say). */
    String checkpoint(long chainSequence, long position, String hash) throws GeneralSecurityException {
        return item(chainSequence, position, hash, keyId, sign(chainSequence, position, hash));
    }

    String sign(long chainSequence, long position, String hash) throws GeneralSecurityException {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(keys.getPrivate());
        ed25519.update(Checkpoint.signedText(chainSequence, position, hash, SIGNED_AT));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
    }

    static String item(long chainSequence, long position, String hash, String keyId, String signature) {
        return "{\"chainSequence\":" + chainSequence + ",\"position\":" + position + ",\"hash\":\"" + hash
                + "\",\"signedAt\":\"" + SIGNED_AT + "\",\"signature\":\"" + signature + "\",\"keyId\":\"" + keyId
                + "\"}";
    }

    static String page(String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"nextAfter\":null}";
    }
}
