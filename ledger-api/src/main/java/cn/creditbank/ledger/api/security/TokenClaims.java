package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the ledger's claims into the access tokens the embedded server issues: {@code roles}, and {@code learner_id}
 * or {@code institution}. A machine client's are kept in its client settings; a signed-in user's (a learner or an
 * institution's registrar) in {@code auth_user}. The lifetime comes from {@code ledger.security.token-ttl} rather
 * than from each stored client, so changing the setting applies to clients registered before. The roles go in as an
 * {@link ArrayList}: the stored authorization keeps the claims as JSON, and reading it back (sign-out, revocation)
 * refuses the JDK's immutable lists, which the type allow-list of that JSON does not name.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String ROLES_SETTING = "settings.ledger.roles";
    private static final String INSTITUTION_SETTING = "settings.ledger.institution";

    private final SecurityProperties.Claims names;
    private final Duration ttl;
    private final LoginUsers users;

    TokenClaims(SecurityProperties properties, LoginUsers users) {
        this.names = properties.claims();
        this.ttl = properties.tokenTtl();
        this.users = users;
    }

    /** Client settings that give a machine client its roles and, for an institution, its catalogue code. */
    static ClientSettings.Builder clientClaims(ClientSettings.Builder settings, Set<Role> roles,
                                               InstitutionCode institution) {
        settings.setting(ROLES_SETTING, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")));
        return institution == null ? settings : settings.setting(INSTITUTION_SETTING, institution.value());
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        var claims = context.getClaims();
        claims.claims(all -> all.put(JwtClaimNames.EXP, ((Instant) all.get(JwtClaimNames.IAT)).plus(ttl)));
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            RegisteredClient client = context.getRegisteredClient();
            String roles = client.getClientSettings().getSetting(ROLES_SETTING);
            String institution = client.getClientSettings().getSetting(INSTITUTION_SETTING);
            claims.claim(names.roles(), roles == null ? new ArrayList<>()
                    : new ArrayList<>(List.of(roles.split(","))));
            if (institution != null) {
                claims.claim(names.institution(), institution);
            }
            return;
        }
        users.account(context.getPrincipal().getName()).ifPresent(account -> {
            claims.claim(names.roles(), account.roles().stream().map(Role::name).sorted()
                    .collect(Collectors.toCollection(ArrayList::new)));
            if (account.learnerId() != null) {
                claims.claim(names.learnerId(), account.learnerId().value());
            }
            if (account.institution() != null) {
                claims.claim(names.institution(), account.institution().value());
            }
        });
    }
}
