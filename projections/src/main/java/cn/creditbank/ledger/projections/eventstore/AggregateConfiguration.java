package cn.creditbank.ledger.projections.eventstore;

import cn.creditbank.ledger.core.catalogue.ConversionRule;
import cn.creditbank.ledger.core.catalogue.GradeLadder;
import cn.creditbank.ledger.core.catalogue.Institution;
import cn.creditbank.ledger.core.catalogue.LearningUnit;
import cn.creditbank.ledger.core.catalogue.Programme;
import cn.creditbank.ledger.core.outcome.LearnerAccount;
import cn.creditbank.ledger.core.transfer.TransferApplication;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.AggregateConfigurer;
import cn.creditbank.ledger.core.shared.DomainException;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;


import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Registers the event-sourced aggregates of ledger-core with Axon. They carry no Spring annotation (the core
 * stays free of Spring), so they are declared here; their command handlers get Spring beans such as
 * {@code Catalogue} and {@code Clock} as parameters. Learner accounts grow long, so they are snapshotted.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    private static final List<Class<?>> CATALOGUE_AGGREGATES =
            List.of(Institution.class, LearningUnit.class, Programme.class, ConversionRule.class, GradeLadder.class);

    @Bean
    public ConfigurerModule aggregates(@Value("${ledger.snapshot.learner-threshold:100}") int learnerSnapshotThreshold) {
        return configurer -> {
            CATALOGUE_AGGREGATES.forEach(type -> configurer.configureAggregate(type));
            configurer.configureAggregate(TransferApplication.class);
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LearnerAccount.class)
                    .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                            learnerSnapshotter(config), learnerSnapshotThreshold)));
        };
    }

    /**
     * Spring's own snapshotter only knows aggregates declared as Spring beans; this one is built from Axon's
     * configuration, so the account's handlers get the same parameter resolution (Spring beans included) as on load.
     */
    private static Snapshotter learnerSnapshotter(Configuration config) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                .transactionManager(config.getComponent(TransactionManager.class))
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(LearnerAccount.class))
                .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        LearnerAccount.class, config.parameterResolverFactory(),
                        config.handlerDefinition(LearnerAccount.class))))
                .build();
    }

    /**
     * Two nodes may append to the same learner at once; the loser's transaction rolls back whole and Axon reports a
     * ConcurrencyException. Such a conflict is retried on freshly loaded state a few times before the caller sees
     * it; a domain refusal is an answer and is never retried.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         @Value("${ledger.commands.conflict-retries:5}") int conflictRetries) {
        if (conflictRetries <= 0) {
            return DefaultCommandGateway.builder().commandBus(commandBus).build();
        }
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .retryInterval(25)
                        .maxRetryCount(conflictRetries)
                        .nonTransientFailurePredicate(AggregateConfiguration::isFinal)
                        .build())
                .build();
    }

    /** Stopped with the context, so its thread never keeps a stopped application's JVM alive. */
    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("command-retry"));
    }

    /** Axon tests this against every cause in the chain: it must name what is final, not what is transient. */
    private static boolean isFinal(Throwable failure) {
        return failure instanceof DomainException || failure instanceof AxonNonTransientException;
    }

    /**
     * "Now" for the domain. Instants are UTC whatever the zone; the zone only decides which calendar day "today"
     * is when refusing dates in the future, and the bank's business day is Beijing's (an outcome dated today in
     * China must not be refused between 16:00 and 24:00 UTC).
     */
    @Bean
    public Clock clock(@Value("${ledger.business-zone:Asia/Shanghai}") String businessZone) {
        return Clock.system(ZoneId.of(businessZone));
    }
}
