package cn.creditbank.ledger.api.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the tokens already verified, so that a client sending the same token on every request pays for its
 * signature check once rather than on each (a seventh of a balance read's CPU, measured with JFR). A token is
 * immutable and its signature does not stop being valid, so the only thing to check again is its expiry: a
 * remembered token past it goes back to the verifier, whose answer stands. Bounded: the least recently used token
 * is forgotten first.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Some two thousand callers at once; a remembered token weighs a few kilobytes. */
    static final int CAPACITY = 2_000;

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Jwt> verified;

    /** Expiry judged on the system's UTC clock, as the verifier's own timestamp check does. */
    VerifiedTokens(JwtDecoder verifier) {
        this(verifier, Clock.systemUTC(), CAPACITY);
    }

    VerifiedTokens(JwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) {
        Instant now = clock.instant();
        Jwt known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && known.getExpiresAt().isAfter(now)) {
            return known;
        }
        // new, or expired: the verifier's own judgement (clock skew included), and its refusal as it is
        Jwt jwt = verifier.decode(token);
        synchronized (verified) {
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
                verified.put(token, jwt);
            } else {
                verified.remove(token);
            }
        }
        return jwt;
    }
}
