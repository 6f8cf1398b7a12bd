package cn.creditbank.ledger.api.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * {@code ledger.demo-data}: {@code always}, {@code never}, or {@code auto} (the default): only on the embedded
 * database and never under the {@code prod} profile, so production data never receives demo learners by accident.
 */
public class DemoDataCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return switch (environment.getProperty("ledger.demo-data", "auto")) {
            case "always" -> true;
            case "never" -> false;
            default -> !StringUtils.hasText(environment.getProperty("ledger.db.url"))
                    && !environment.acceptsProfiles(Profiles.of("prod"));
        };
    }
}
