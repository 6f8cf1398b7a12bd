package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import java.util.Set;

/**
 * The clients of the embedded server. The portal's public client belongs to the application and is written on every
 * start, so its redirect URIs follow {@code ledger.security.portal.redirect-uris}. Each client's row id is its client
 * id, so two nodes registering the same client at once collide on the primary key instead of storing it twice.
 */
final class ClientRegistrations implements ApplicationRunner {

    static final String PORTAL = "portal";

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;

    ClientRegistrations(RegisteredClientRepository clients, PasswordEncoder passwords, SecurityProperties properties) {
        this.clients = clients;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        save(RegisteredClient.withId(PORTAL)
                .clientId(PORTAL)
                .clientName("Learner portal")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(properties.portal().redirectUris()))
                // signing out ends the login session too (OIDC RP-initiated logout), then back to the portal
                .postLogoutRedirectUris(uris -> uris.addAll(properties.portal().postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                // a first-party client: no consent page; a public client: PKCE is its only proof
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build());
    }

    /** A machine client of the client-credentials grant, unless one with that id exists (its secret is kept). */
    void addMachineClientIfAbsent(String clientId, String secret, Set<Role> roles, InstitutionCode institution) {
        if (clients.findByClientId(clientId) != null) {
            return;
        }
        save(RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(clientId)
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientSettings(TokenClaims.clientClaims(ClientSettings.builder(), roles, institution).build())
                .build());
    }

    /** Inserts or updates; losing an insert race to another node means the client is there, so update it. */
    private void save(RegisteredClient client) {
        try {
            clients.save(client);
        } catch (DataIntegrityViolationException | IllegalArgumentException concurrentlyInserted) {
            clients.save(client);
        }
    }
}
