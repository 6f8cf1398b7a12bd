package cn.creditbank.ledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    /** A verifier that counts its calls and knows a fixed set of tokens. */
    private static final class CountingVerifier implements JwtDecoder {
        final Map<String, Instant> expiries = new HashMap<>();
        int calls;

        @Override
        public Jwt decode(String token) {
            calls++;
            Instant expiry = expiries.get(token);
            if (expiry == null) {
                throw new BadJwtException("signature does not verify");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("operator")
                    .issuedAt(expiry.minus(Duration.ofMinutes(30))).expiresAt(expiry).build();
        }
    }

    private final CountingVerifier verifier = new CountingVerifier();

    private VerifiedTokens tokens(int capacity) {
        return new VerifiedTokens(verifier, Clock.fixed(NOW, ZoneOffset.UTC), capacity);
    }

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        verifier.expiries.put("a", NOW.plus(Duration.ofMinutes(30)));
        VerifiedTokens tokens = tokens(10);

        Jwt first = tokens.decode("a");
        Jwt second = tokens.decode("a");

        assertThat(second).isSameAs(first);
        assertThat(verifier.calls).isEqualTo(1);
    }

    @Test
    void aTokenPastItsExpiryGoesBackToTheVerifierWhoseRefusalStands() {
        verifier.expiries.put("a", NOW.plus(Duration.ofMinutes(30)));
        MutableClock later = new MutableClock(NOW);
        VerifiedTokens tokens = new VerifiedTokens(verifier, later, 10);
        tokens.decode("a");
        verifier.expiries.remove("a"); // the verifier would now refuse it (expired)

        later.now = NOW.plus(Duration.ofMinutes(31));

        assertThatThrownBy(() -> tokens.decode("a")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        VerifiedTokens tokens = tokens(10);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifier.calls).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedTokenIsForgottenBeyondCapacity() {
        verifier.expiries.put("a", NOW.plus(Duration.ofMinutes(30)));
        verifier.expiries.put("b", NOW.plus(Duration.ofMinutes(30)));
        verifier.expiries.put("c", NOW.plus(Duration.ofMinutes(30)));
        VerifiedTokens tokens = tokens(2);
        tokens.decode("a");
        tokens.decode("b");
        tokens.decode("a"); // a is now the most recently used
        tokens.decode("c"); // evicts b

        tokens.decode("a");
        tokens.decode("b");

        assertThat(verifier.calls).isEqualTo(4); // a, b, c, and b again
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
