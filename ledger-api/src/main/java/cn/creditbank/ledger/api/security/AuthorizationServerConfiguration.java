package cn.creditbank.ledger.api.security;

import com.nimbusds.jose.jwk.JWK;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Clock;
import java.util.Set;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The embedded authorization server (Spring Authorization Server), on unless an external issuer is configured:
 * {@code /oauth2/token}, {@code /oauth2/authorize}, {@code /oauth2/jwks}, OIDC discovery, with clients,
 * authorizations, users and signing keys in PostgreSQL so that every node and every restart agrees on them.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
@Conditional(IssuerMode.Embedded.class)
class AuthorizationServerConfiguration {

    @Bean
    @Order(SecurityConfiguration.AUTHORIZATION_SERVER_ORDER)
    SecurityFilterChain authorizationServerFilterChain(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(withDefaults());
                })
                .authorizeHttpRequests(routes -> routes.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults())) // OIDC userinfo
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SecurityConfiguration.LOGIN_PAGE), browsers()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    /** Codes and issued tokens, shared by the nodes: a code issued by one may be redeemed at another. */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    LoginUsers loginUsers(JdbcTemplate jdbc, PasswordEncoder passwords) {
        return new LoginUsers(jdbc, passwords);
    }

    @Bean
    SigningKeys signingKeys(JdbcTemplate jdbc, Clock clock) {
        return new SigningKeys(jdbc, clock);
    }

    /** Signs with the newest active key: the only one {@link SigningKeys} hands out with its private part. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(candidates -> candidates.stream().filter(JWK::isPrivate).findFirst().orElseThrow());
        return encoder;
    }

    /**
     * Verifies against the stored keys directly, not through an HTTP call to this server's own JWK set; no issuer
     * check, since the issuer is derived from the host name each request used.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys) {
        return new VerifiedTokens(NimbusJwtDecoder.withJwkSource(keys).build());
    }

    @Bean
    TokenClaims tokenClaims(SecurityProperties properties, LoginUsers users) {
        return new TokenClaims(properties, users);
    }

    @Bean
    ClientRegistrations clientRegistrations(RegisteredClientRepository clients, PasswordEncoder passwords,
                                            SecurityProperties properties) {
        return new ClientRegistrations(clients, passwords, properties);
    }

    @Bean
    ExpiredAuthorizations expiredAuthorizations(JdbcTemplate jdbc) {
        return new ExpiredAuthorizations(jdbc);
    }

    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
