package cn.creditbank.ledger.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The write side and projections (no HTTP) on the ledger benchmark's own PostgreSQL, started by the harness: runs
 * the migrations, defines the demo catalogue and generates the history before the real application starts.
 */
@SpringBootApplication(scanBasePackages = "cn.creditbank.ledger.projections")
public class GeneratorApplication {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${bench.jdbc-url}") String jdbcUrl) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(jdbcUrl + "&reWriteBatchedInserts=true");
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }
}
