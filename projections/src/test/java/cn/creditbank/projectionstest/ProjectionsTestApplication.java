package cn.creditbank.projectionstest;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The write side and the projections without the HTTP application: what projection tests run against. It lives
 * outside {@code cn.creditbank.ledger} so the full application's component scan never picks it up from the test-jar.
 * The DataSource is declared here, as the real application does: Axon's JDBC auto-configuration is conditional on a
 * DataSource bean but not ordered after Spring Boot 4's (relocated) DataSource auto-configuration, so it would
 * otherwise not see one.
 */
@SpringBootApplication(scanBasePackages = "cn.creditbank.ledger.projections")
public class ProjectionsTestApplication {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${spring.datasource.url}") String url,
                                @Value("${spring.datasource.username}") String user) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(8);
        return dataSource;
    }
}
