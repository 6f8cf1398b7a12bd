package cn.creditbank.ledger.bench;

import cn.creditbank.ledger.projections.database.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;

/**
 * The write side and projections on a durable embedded PostgreSQL (fsync, synchronous_commit and full_page_writes
 * on, as the ledger runs), with no HTTP layer: what the replay benchmark measures.
 */
@SpringBootApplication(scanBasePackages = "cn.creditbank.ledger.projections")
public class BenchApplication {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer benchPostgres(@Value("${bench.data-dir:bench/target/pg}") Path dataDir) {
        return EmbeddedPostgresServer.start(dataDir, 0);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl() + "&reWriteBatchedInserts=true");
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(16);
        return dataSource;
    }
}
