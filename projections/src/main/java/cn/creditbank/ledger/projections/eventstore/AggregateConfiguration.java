package cn.creditbank.ledger.projections.eventstore;

import cn.creditbank.ledger.core.catalogue.ConversionRule;
import cn.creditbank.ledger.core.catalogue.GradeLadder;
import cn.creditbank.ledger.core.catalogue.Institution;
import cn.creditbank.ledger.core.catalogue.LearningUnit;
import cn.creditbank.ledger.core.catalogue.Programme;
import cn.creditbank.ledger.core.outcome.LearnerAccount;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * Registers the event-sourced aggregates of ledger-core with Axon. They carry no Spring annotation (the core
 * stays free of Spring), so they are declared here; their command handlers get Spring beans such as
 * {@code Catalogue} and {@code Clock} as parameters. Learner accounts grow long, so they are snapshotted.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    private static final List<Class<?>> CATALOGUE_AGGREGATES =
            List.of(Institution.class, LearningUnit.class, Programme.class, ConversionRule.class, GradeLadder.class);

    @Bean
    public ConfigurerModule aggregates(@Value("${ledger.snapshot.learner-threshold:100}") int learnerSnapshotThreshold) {
        return configurer -> {
            CATALOGUE_AGGREGATES.forEach(type -> configurer.configureAggregate(type));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LearnerAccount.class)
                    .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                            config.snapshotter(), learnerSnapshotThreshold)));
        };
    }

    /** "Now" for the domain (e.g. refusing dates in the future) is always UTC. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
