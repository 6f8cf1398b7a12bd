package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.problem.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.LocaleResolver;

import java.time.Duration;

/**
 * The resource-server side, in both modes: {@code /api/**} is a stateless bearer-token API, everything else is the
 * open documentation, health, portal and (embedded mode) the login form. The embedded authorization server's own
 * chain comes first ({@link AuthorizationServerConfiguration}).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Open without a token. */
    private static final String[] OPEN = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error", "/", "/portal/**"};

    /** The sign-in page (the portal's {@code LoginPageController}); its form posts back to the same path. */
    static final String LOGIN_PAGE = "/login";

    static final int AUTHORIZATION_SERVER_ORDER = 1;
    private static final int API_ORDER = 2;
    private static final int WEB_ORDER = 3;

    @Bean
    AuthenticationProblems authenticationProblems(Problems problems, LocaleResolver locales) {
        return new AuthenticationProblems(problems, locales);
    }

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain apiFilterChain(HttpSecurity http, SecurityProperties properties,
                                       AuthenticationProblems problems, ObjectProvider<ApiAccessRules> rules) {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(routes -> {
                    rules.orderedStream().forEach(rule -> rule.apply(routes));
                    routes.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerClaims(properties.claims())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(answerUnverifiableTokens(problems)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable); // no cookies are read here, so there is nothing to forge
        return http.build();
    }

    @Bean
    @Order(WEB_ORDER)
    SecurityFilterChain webFilterChain(HttpSecurity http, SecurityProperties properties,
                                       AuthenticationProblems problems) {
        http.authorizeHttpRequests(routes -> {
                    routes.requestMatchers(OPEN).permitAll()
                            .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll();
                    if (!properties.external()) {
                        // the form login's own permitAll() matches the exact URL only, not /login?lang=en
                        routes.requestMatchers(LOGIN_PAGE).permitAll();
                    }
                    routes.anyRequest().authenticated();
                })
                // a default rather than the entry point: an explicit one would replace the form login's redirect
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(problems,
                        AnyRequestMatcher.INSTANCE));
        if (!properties.external()) {
            // where the embedded server sends people to sign in: the portal's localized page (LoginPageController)
            http.formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll());
        }
        return http.build();
    }

    /**
     * External mode: tokens of the configured issuer, its keys found through its discovery document on the first
     * request rather than at start-up, so the ledger starts while the issuer is briefly down (and tries again on the
     * next request if it still is).
     */
    @Bean
    @Conditional(IssuerMode.External.class)
    JwtDecoder issuerJwtDecoder(SecurityProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(5));
        timeouts.setReadTimeout(Duration.ofSeconds(5));
        JwtDecoder lazy = new SupplierJwtDecoder(() -> NimbusJwtDecoder.withIssuerLocation(properties.oidcIssuerUri())
                .restOperations(new RestTemplate(timeouts)).build());
        JwtDecoder verifier = token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException unreachable) {
                // a JwtException becomes a 503 "cannot verify now" rather than an unexplained 500
                throw new JwtException("the token issuer " + properties.oidcIssuerUri() + " cannot be reached",
                        unreachable);
            }
        };
        return new VerifiedTokens(verifier);
    }

    /**
     * Spring rethrows an {@code AuthenticationServiceException} (the token could not be checked at all) as a 500;
     * hand it to the entry point instead, which answers 503 problem+json.
     */
    private static ObjectPostProcessor<BearerTokenAuthenticationFilter> answerUnverifiableTokens(
            AuthenticationProblems problems) {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                AuthenticationEntryPointFailureHandler failures = new AuthenticationEntryPointFailureHandler(problems);
                failures.setRethrowAuthenticationServiceException(false);
                filter.setAuthenticationFailureHandler(failures);
                return filter;
            }
        };
    }
}
