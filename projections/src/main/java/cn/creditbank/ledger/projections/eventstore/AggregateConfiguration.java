package cn.creditbank.ledger.projections.eventstore;

import cn.creditbank.ledger.core.catalogue.ConversionRule;
import cn.creditbank.ledger.core.catalogue.GradeLadder;
import cn.creditbank.ledger.core.catalogue.Institution;
import cn.creditbank.ledger.core.catalogue.LearningUnit;
import cn.creditbank.ledger.core.catalogue.Programme;
import cn.creditbank.ledger.core.outcome.LearnerAccount;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.transfer.TransferApplication;
import cn.creditbank.ledger.projections.outcome.AccountRepository;
import cn.creditbank.ledger.projections.outcome.AccountStreams;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
    public ConfigurerModule aggregates(@Value("${ledger.snapshot.learner-threshold:100}") int learnerSnapshotThreshold,
                                       ObjectProvider<AccountStreams> accountStreams) {
        return configurer -> {
            CATALOGUE_AGGREGATES.forEach(type -> configurer.configureAggregate(type));
            configurer.configureAggregate(TransferApplication.class);
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LearnerAccount.class)
                    .configureRepository(config -> learnerRepository(config, accountStreams.getObject(),
                            learnerSnapshotThreshold))
                    .configureCommandTargetResolver(config -> new RecordTargetResolver()));
        };
    }

    /** The read-ahead of account streams for batch chunks, read as the event store reads them. */
    @Bean
    public AccountStreams accountStreams(JdbcTemplate jdbc, Serializer serializer,
                                         @Qualifier("eventSerializer") Serializer eventSerializer,
                                         ObjectProvider<Configuration> axon) {
        Supplier<SnapshotFilter> snapshotFilter = memoized(() -> axon.getObject().snapshotFilter());
        return new AccountStreams(jdbc, eventSerializer, serializer, new LazyUpcasters(memoized(
                () -> axon.getObject().upcasterChain())), snapshot -> snapshotFilter.get().allow(snapshot));
    }

    /** Looked up once, when first needed: Axon's configuration composes the snapshot filter anew on every call. */
    private static <T> Supplier<T> memoized(Supplier<T> lookup) {
        AtomicReference<T> value = new AtomicReference<>();
        return () -> {
            T known = value.get();
            if (known == null) {
                known = lookup.get();
                value.set(known);
            }
            return known;
        };
    }

    /**
     * What Axon's default configuration of an event-sourced aggregate builds (same model, lock factory, factory and
     * span factory), with the account's snapshot trigger, as an {@link AccountRepository}.
     */
    private static AccountRepository learnerRepository(Configuration config, AccountStreams streams, int threshold) {
        AggregateModel<LearnerAccount> model = config.getComponent(AggregateMetaModelFactory.class,
                        () -> new AnnotatedAggregateMetaModelFactory(config.parameterResolverFactory(),
                                config.handlerDefinition(LearnerAccount.class)))
                .createModel(LearnerAccount.class, Set.of());
        EventSourcingRepository.Builder<LearnerAccount> builder = EventSourcingRepository.builder(LearnerAccount.class)
                .aggregateModel(model)
                .lockFactory(PessimisticLockFactory.usingDefaults())
                .eventStore(config.eventStore())
                .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(learnerSnapshotter(config),
                        threshold))
                .aggregateFactory(new GenericAggregateFactory<>(model))
                .repositoryProvider(config::repository)
                .spanFactory(config.getComponent(RepositorySpanFactory.class));
        return new AccountRepository(builder, streams);
    }

    /** The event store's upcaster chain, looked up when first used (Axon's configuration is built after this bean). */
    private record LazyUpcasters(Supplier<EventUpcaster> chain) implements EventUpcaster {
        @Override
        public Stream<IntermediateEventRepresentation> upcast(
                Stream<IntermediateEventRepresentation> intermediateRepresentations) {
            return chain.get().upcast(intermediateRepresentations);
        }
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
