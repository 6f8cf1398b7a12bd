package cn.creditbank.ledger.api.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the ledger's PostgreSQL is. Without {@code url} the application runs its own embedded PostgreSQL with its
 * data under {@code embedded.dataDir}.
 *
 * @param url      JDBC URL of an external PostgreSQL ({@code LEDGER_DB_URL}); blank for the embedded default
 * @param user     user of the external database ({@code LEDGER_DB_USER})
 * @param password password of the external database ({@code LEDGER_DB_PASSWORD})
 * @param poolSize connections in the pool
 * @param embedded settings of the embedded default
 */
@ConfigurationProperties("ledger.db")
public record LedgerDatabaseProperties(String url, String user, String password, int poolSize, Embedded embedded) {

    public LedgerDatabaseProperties {
        poolSize = poolSize <= 0 ? 16 : poolSize;
        embedded = embedded == null ? new Embedded(null, 0, null, null) : embedded;
    }

    public boolean isEmbedded() {
        return url == null || url.isBlank();
    }

    /**
     * @param dataDir       data directory that survives restarts ({@code LEDGER_DATA_DIR}, default {@code ./data/pg})
     * @param port          port to listen on (loopback); 0 picks a free one
     * @param sharedBuffers PostgreSQL's {@code shared_buffers}; blank for the embedded server's default (512MB)
     * @param maxWalSize    PostgreSQL's {@code max_wal_size}; blank for the embedded server's default (4GB)
     */
    public record Embedded(Path dataDir, int port, String sharedBuffers, String maxWalSize) {

        public Embedded {
            dataDir = dataDir == null ? Path.of("data", "pg") : dataDir;
        }

        /** The server settings given here, for {@code EmbeddedPostgresServer.start}. */
        public Map<String, String> serverSettings() {
            Map<String, String> settings = new LinkedHashMap<>();
            if (sharedBuffers != null && !sharedBuffers.isBlank()) {
                settings.put("shared_buffers", sharedBuffers.strip());
            }
            if (maxWalSize != null && !maxWalSize.isBlank()) {
                settings.put("max_wal_size", maxWalSize.strip());
            }
            return settings;
        }
    }
}
