package cn.creditbank.ledger.projections.reconciliation;

import cn.creditbank.ledger.projections.eventstore.ProjectionPositions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Rebuilds one projection from the event store into a scratch schema and compares it with the live read model,
 * without touching the live processors or tables: a fresh instance of the projection's own handler class, over a
 * JdbcTemplate bound to the scratch schema, receives every stored event in global order through Axon's
 * {@link AnnotationEventHandlerAdapter} (so {@code @Timestamp} and {@code @SequenceNumber} resolve as in the
 * processor). Events are streamed in the storage engine's batches: memory does not grow with the ledger.
 * <p>
 * The live side is read in one repeatable-read snapshot in which the projection has handled every event the replay
 * was fed and no later event is stored (with knownAt: none that was known by then), so a concurrent write cannot
 * make the two sides differ; if the ledger moved on, the replay is fed the new events and compared again.
 */
@Component
public class ScratchReplay {

    private static final int MAX_ROUNDS = 20;
    private static final int MAX_ROWS_PER_TABLE = 100;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final EventStorageEngine events;
    private final ProjectionPositions positions;
    private final ReadModelChecksum checksum;
    private final ApplicationContext context;
    private final org.axonframework.config.Configuration axon;
    private final TransactionTemplate snapshot;
    private final Duration settleTimeout;

    public ScratchReplay(DataSource dataSource, JdbcTemplate jdbc, EventStorageEngine events,
                         ProjectionPositions positions, ReadModelChecksum checksum, ApplicationContext context,
                         org.axonframework.config.Configuration axon, PlatformTransactionManager transactions,
                         @Value("${ledger.replay.settle-timeout-ms:30000}") long settleTimeoutMs) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
        this.positions = positions;
        this.checksum = checksum;
        this.context = context;
        this.axon = axon;
        this.settleTimeout = Duration.ofMillis(settleTimeoutMs);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setReadOnly(true);
    }

    /**
     * Replays {@code projection} (a processing group name) into a scratch schema, up to {@code knownAt} when given
     * (the events recorded at or before it), and compares it with the live model (as it stood at knownAt).
     */
    public ReplayComparison replay(String projection, Instant knownAt) {
        ReplayableProjection replayable = ReplayableProjection.named(projection);
        // the database keeps microseconds and the driver rounds half up: cut where the live query's cut falls
        Instant cut = knownAt == null ? null : toMicros(knownAt);
        String schema = "replay_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (ScratchSchema scratch = ScratchSchema.create(dataSource, jdbc, schema, replayable.tables())) {
            Feed feed = new Feed(handlers(replayable, scratch.jdbc()), scratch, cut);
            for (int round = 1; ; round++) {
                long head = positions.head();
                feed.upTo(head);
                Optional<ReplayComparison> compared = compare(replayable, knownAt, cut, schema, head, feed.fed);
                if (compared.isPresent()) {
                    return compared.get();
                }
                if (round == MAX_ROUNDS || !positions.awaitPosition(projection, positions.head(), settleTimeout)) {
                    throw new IllegalStateException("the live projection " + projection
                            + " did not settle at a position to compare with (still catching up or busy)");
                }
            }
        }
    }

    /** In one snapshot: if the live model has settled at {@code head}, both checksums and the differences. */
    private Optional<ReplayComparison> compare(ReplayableProjection projection, Instant knownAt, Instant cut,
                                               String schema, long head, long fed) {
        return snapshot.execute(status -> {
            long headNow = positions.head(); // the snapshot's first read
            boolean handled = head < 0 // an empty ledger: nothing to wait for
                    || positions.awaitPosition(projection.processingGroup(), head, Duration.ZERO);
            boolean settled = handled && (headNow == head || cut != null && nothingMoreKnownAt(head, cut));
            if (!settled) {
                return Optional.empty();
            }
            List<ReadModelTable> tables = projection.tables();
            List<String> liveSources = tables.stream().map(t -> t.liveSource(columns(t), cut)).toList();
            String live = checksum.of(tables, t -> liveSources.get(tables.indexOf(t)));
            String replay = checksum.of(tables, t -> schema + "." + t.name());
            List<TableDifference> differences = new ArrayList<>();
            if (!live.equals(replay)) {
                ReadModelDifferences diff = new ReadModelDifferences(jdbc, MAX_ROWS_PER_TABLE);
                for (int i = 0; i < tables.size(); i++) {
                    ReadModelTable table = tables.get(i);
                    diff.of(table, liveSources.get(i), schema + "." + table.name()).ifPresent(differences::add);
                }
            }
            return Optional.of(new ReplayComparison(projection.processingGroup(), knownAt, fed, live.equals(replay),
                    live, replay, differences));
        });
    }

    /** Whether every event stored after {@code head} was recorded after the cut (so the replay lacks none). */
    private boolean nothingMoreKnownAt(long head, Instant cut) {
        List<String> later = jdbc.queryForList(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index > ? LIMIT 1001", String.class, head);
        return later.size() <= 1000 && later.stream().map(Instant::parse).map(ScratchReplay::toMicros)
                .allMatch(stamp -> stamp.isAfter(cut));
    }

    /** The live table's columns in their order, resolved as the projection's unqualified name resolves. */
    private List<String> columns(ReadModelTable table) {
        return jdbc.queryForList("""
                SELECT attname FROM pg_attribute
                WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum""",
                String.class, table.name());
    }

    /**
     * Fresh instances of the projection's handler classes (the beans of its processing group), each built over the
     * scratch JdbcTemplate: the live code, writing elsewhere. The classes are package-private by design, hence the
     * reflective constructor call.
     */
    private List<AnnotationEventHandlerAdapter> handlers(ReplayableProjection projection, JdbcTemplate scratch) {
        List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group == null || !group.value().equals(projection.processingGroup())) {
                continue;
            }
            Object handler = instantiate(type, scratch);
            handlers.add(new AnnotationEventHandlerAdapter(handler, axon.parameterResolverFactory(),
                    axon.handlerDefinition(type)));
        }
        if (handlers.isEmpty()) {
            throw new IllegalStateException("no event handler of processing group " + projection.processingGroup());
        }
        return handlers;
    }

    private static Object instantiate(Class<?> type, JdbcTemplate scratch) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(JdbcTemplate.class);
            constructor.setAccessible(true);
            return constructor.newInstance(scratch);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " cannot be replayed: it needs a constructor taking "
                    + "only its JdbcTemplate", e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName() + " for a replay", e);
        }
    }

    static Instant toMicros(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return instant.getNano() % 1000 >= 500 ? truncated.plus(1, ChronoUnit.MICROS) : truncated;
    }

    /** The events fed so far, and where to go on from. */
    private final class Feed {

        private final List<AnnotationEventHandlerAdapter> handlers;
        private final ScratchSchema scratch;
        private final Instant cut;
        private TrackingToken position;
        private long fed;

        private Feed(List<AnnotationEventHandlerAdapter> handlers, ScratchSchema scratch, Instant cut) {
            this.handlers = handlers;
            this.scratch = scratch;
            this.cut = cut;
        }

        /** Feeds every stored event after the last one fed, up to global index {@code head}, then commits. */
        void upTo(long head) {
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(position, false)) {
                Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    if (event.trackingToken().position().orElse(Long.MAX_VALUE) > head) {
                        break; // read again from the last fed position in the next round
                    }
                    if (cut == null || !toMicros(event.getTimestamp()).isAfter(cut)) {
                        handle(event);
                        fed++;
                    }
                    position = event.trackingToken();
                }
            }
            scratch.commit();
        }

        private void handle(TrackedEventMessage<?> event) {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    scratch.beforeEvent();
                    try {
                        handler.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException("event " + event.getIdentifier() + " at global index "
                                + event.trackingToken().position().orElse(-1) + " failed in the replay: "
                                + e.getMessage(), e);
                    }
                    scratch.afterEvent();
                }
            }
        }
    }
}
