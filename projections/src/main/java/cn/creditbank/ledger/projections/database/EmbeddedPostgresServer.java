package cn.creditbank.ledger.projections.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL from a Maven artifact, with its data in a directory that survives restarts. zonky starts
 * PostgreSQL with fsync, synchronous_commit and full_page_writes off (fine for throw-away tests); a ledger must
 * never lose an acknowledged outcome, so all three are switched back on here.
 * <p>
 * Two of PostgreSQL's conservative defaults are raised (each can be overridden through the settings): the buffer
 * cache, 128 MB, held less than the event store's indexes and the read models a rebuild writes, and 1 GB of WAL
 * between checkpoints made a rebuild checkpoint every few seconds, each followed by full-page images of every page
 * it touched again. A rebuild of 1M events took 57 µs of PostgreSQL CPU per event, 47 with these (ADR 0008). Neither
 * changes what is durable: every commit is still flushed, and a crash replays at most 4 GB of WAL on start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");
    static final String SHARED_BUFFERS = "512MB";
    static final String MAX_WAL_SIZE = "4GB";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * With server settings besides the durable ones, which stay on (the benchmark loads {@code pg_stat_statements};
     * the application may size {@code shared_buffers} and {@code max_wal_size}).
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Map<String, String> settings) {
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", SHARED_BUFFERS)
                    .setServerConfig("max_wal_size", MAX_WAL_SIZE);
            settings.forEach(builder::setServerConfig);
            DURABLE.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Ledger database: embedded PostgreSQL on 127.0.0.1:{}, data directory {} (fsync=on, synchronous_commit=on)",
                    postgres.getPort(), directory);
            return new EmbeddedPostgresServer(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped, data kept in {}", dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
