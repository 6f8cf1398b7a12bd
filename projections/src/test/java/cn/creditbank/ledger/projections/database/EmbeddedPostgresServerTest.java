package cn.creditbank.ledger.projections.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's sizing can be changed; its durability cannot. */
class EmbeddedPostgresServerTest {

    @Test
    void runsDurableWithTheLedgersSizingUnlessTold(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(setting(server, "shared_buffers")).isEqualTo("512MB");
            assertThat(setting(server, "max_wal_size")).isEqualTo("4GB");
            assertThat(setting(server, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void takesOtherSizingButNeverGivesUpDurability(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, Map.of(
                "shared_buffers", "256MB", "max_wal_size", "2GB",
                "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"))) {
            assertThat(setting(server, "shared_buffers")).isEqualTo("256MB");
            assertThat(setting(server, "max_wal_size")).isEqualTo("2GB");
            assertThat(setting(server, "fsync")).isEqualTo("on");
            assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(server, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + name)) {
            value.next();
            return value.getString(1);
        }
    }
}
