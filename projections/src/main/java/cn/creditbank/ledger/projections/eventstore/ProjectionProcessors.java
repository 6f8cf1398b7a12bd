package cn.creditbank.ledger.projections.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.List;

/**
 * The read models are kept by pooled streaming processors: several segments (so several nodes or threads share the
 * work, one learner always in one segment), batches of events per transaction, and a dead-letter queue per
 * projection, so one poison event parks its own learner's sequence instead of stopping every projection.
 * Unclaimed segments (a new processor, a rebuild, a node that died) are looked for every second rather than Axon's
 * five: a cheap indexed query, and a faster takeover. A segment that receives no events still stores its advanced
 * token every half second (Axon: five), because a projection's position is the minimum over its segments and API.md
 * promises reads that lag by at most a second.
 * <p>
 * Defaults sized on the 2-core machine the benchmarks run on (a rebuild of 1M events measured): two segments (one
 * work package per core; four were slower, one too), 500 events per transaction (with the read models' rows written
 * per batch, see {@code BatchedRows}, fewer and larger transactions are what makes a replay fast; 500 events still
 * commit in tens of milliseconds, far below the database's idle-in-transaction limit and the gap timeout).
 * <p>
 * Each coordinator runs on a {@link PromptCoordinatorExecutor}: when its work packages' queues are full it looks again
 * after 5 ms instead of Axon's fixed 100 ms, which had paced every rebuild at about 10,000 events a second.
 * <p>
 * Each dead-lettering invoker keeps Axon's sequence-identifier cache: without it, every event costs a query on the
 * dead-letter table ("is this learner's sequence parked?"). With it, a segment asks once, when claimed, whether the
 * queue holds anything; if it does not, only sequences parked since (by this segment, which alone handles them) are
 * looked up. A released segment drops its cache, so the node that claims it next starts from the table again.
 * <p>
 * Each processor reads the store through a {@link HandledEventSource}: events it has no handler for are passed over
 * in runs instead of being offered to every work package one by one.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionProcessors {

    public static final String OUTCOME_HISTORY = "outcome-history";
    public static final String TRANSFERS = "transfers";
    public static final List<String> STREAMING_PROJECTIONS = List.of(OUTCOME_HISTORY, TRANSFERS);

    @Bean
    public ConfigurerModule projectionProcessorsModule(ConnectionProvider connectionProvider,
                                                       TransactionManager transactionManager,
                                                       DeadLetterSchema deadLetterSchema,
                                                       @Value("${ledger.projections.segments:2}") int segments,
                                                       @Value("${ledger.projections.batch-size:500}") int batchSize,
                                                       @Value("${ledger.projections.token-claim-interval-ms:1000}")
                                                       long tokenClaimInterval,
                                                       @Value("${ledger.projections.idle-token-update-ms:500}")
                                                       long idleTokenUpdate,
                                                       @Value("${ledger.projections.full-queue-retry-ms:5}")
                                                       long fullQueueRetry) {
        return configurer -> STREAMING_PROJECTIONS.forEach(name -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(name,
                        config -> new HandledEventSource(config.eventStore(), type -> handles(config, name, type)),
                        (config, builder) -> builder.initialSegmentCount(segments)
                                .batchSize(batchSize)
                                .tokenClaimInterval(tokenClaimInterval)
                                .claimExtensionThreshold(idleTokenUpdate)
                                .coordinatorExecutor(processorName -> {
                                    var executor = new PromptCoordinatorExecutor(processorName,
                                            Duration.ofMillis(fullQueueRetry));
                                    config.onShutdown(executor::shutdown);
                                    return executor;
                                }))
                .registerDeadLetterQueue(name, config -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(name)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(deadLetterSchema)
                        .genericSerializer(config.serializer())
                        .eventSerializer(config.eventSerializer())
                        .build())
                .registerDeadLetteringEventHandlerInvokerConfiguration(name,
                        (config, builder) -> builder.enableSequenceIdentifierCache()));
    }

    /** The processor's own answer whether it handles a payload type; asked once the processors are built. */
    private static boolean handles(Configuration config, String processor, Class<?> payloadType) {
        return config.eventProcessingConfiguration()
                .eventProcessor(processor, PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + processor))
                .eventHandlerInvoker().canHandleType(payloadType);
    }
}
