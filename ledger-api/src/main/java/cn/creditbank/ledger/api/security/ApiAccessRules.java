package cn.creditbank.ledger.api.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Access rules for {@code /api/**} that depend only on the path and the caller's roles, contributed as a bean by
 * whoever owns those rules; they are applied in bean order, before the final "any other request needs a valid
 * token". Rules that depend on a request's content stay in the controllers.
 */
@FunctionalInterface
public interface ApiAccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);
}
