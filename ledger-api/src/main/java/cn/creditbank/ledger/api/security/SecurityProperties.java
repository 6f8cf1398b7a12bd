package cn.creditbank.ledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How callers prove who they are ({@code ledger.security}).
 *
 * @param oidcIssuerUri an external OIDC issuer ({@code LEDGER_OIDC_ISSUER_URI}); blank runs the embedded
 *                      authorization server instead
 * @param tokenTtl      lifetime of the access tokens the embedded server issues ({@code LEDGER_TOKEN_TTL})
 * @param portal        the portal's public client
 * @param claims        names of the token claims the ledger reads (and the embedded server writes)
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(String oidcIssuerUri, Duration tokenTtl, Portal portal, Claims claims) {

    public SecurityProperties {
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(30) : tokenTtl;
        portal = portal == null ? new Portal(null) : portal;
        claims = claims == null ? new Claims(null, null, null) : claims;
    }

    /** Whether an external issuer is configured, turning the embedded authorization server off. */
    public boolean external() {
        return oidcIssuerUri != null && !oidcIssuerUri.isBlank();
    }

    /** @param redirectUris where the portal may receive authorization codes ({@code LEDGER_PORTAL_REDIRECT_URIS}) */
    public record Portal(List<String> redirectUris) {

        public Portal {
            redirectUris = redirectUris == null || redirectUris.isEmpty()
                    ? List.of("http://localhost:8080/portal/callback", "http://127.0.0.1:8080/portal/callback")
                    : List.copyOf(redirectUris);
        }

        /**
         * Where the portal may be sent back after signing out: the portal's home beside each redirect URI
         * ({@code …/portal/callback} → {@code …/portal/}), so one setting serves both.
         */
        public List<String> postLogoutRedirectUris() {
            return redirectUris.stream().map(uri -> URI.create(uri).resolve("./").toString()).distinct().toList();
        }
    }

    /** Claim names, so that an external issuer's own names can be used (e.g. Keycloak's). */
    public record Claims(String roles, String learnerId, String institution) {

        public Claims {
            roles = orDefault(roles, "roles");
            learnerId = orDefault(learnerId, "learner_id");
            institution = orDefault(institution, "institution");
        }

        private static String orDefault(String name, String fallback) {
            return name == null || name.isBlank() ? fallback : name;
        }
    }
}
