package cn.creditbank.ledger.api.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Who issues the tokens: an external OIDC issuer when {@code ledger.security.oidc-issuer-uri} has a value, otherwise
 * the embedded authorization server. (A plain {@code @ConditionalOnProperty} would count the empty default of
 * {@code ${LEDGER_OIDC_ISSUER_URI:}} as set.)
 */
final class IssuerMode {

    private IssuerMode() {
    }

    static boolean external(ConditionContext context) {
        return StringUtils.hasText(context.getEnvironment().getProperty("ledger.security.oidc-issuer-uri"));
    }

    static class External implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return external(context);
        }
    }

    static class Embedded implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !external(context);
        }
    }
}
