package cn.creditbank.ledger.projections.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 public keys as a JWK carries them (RFC 8037: {@code kty OKP, crv Ed25519, x} = the raw 32-byte key,
 * base64url) and signature checks, with nothing but the JDK: the offline verifier needs no database and no library.
 */
public final class Ed25519Keys {

    /** The X.509 SubjectPublicKeyInfo header of every Ed25519 key; the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519Keys() {
    }

    public static String rawBase64Url(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    public static PublicKey fromRawBase64Url(String x) throws GeneralSecurityException {
        byte[] raw = Base64.getUrlDecoder().decode(x);
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** Whether {@code signature} (base64url) is the key's signature of the checkpoint's signed text. */
    public static boolean verifies(PublicKey key, Checkpoint checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(checkpoint.signedText());
            return ed25519.verify(Base64.getUrlDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }
}
