package cn.creditbank.ledger.api.database;

import cn.creditbank.ledger.projections.database.EmbeddedPostgresServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;


/**
 * The ledger's one DataSource: an external PostgreSQL when {@code LEDGER_DB_URL} is set, otherwise the embedded
 * default. Every connection gets an idle-in-transaction limit well below Axon's 60 s gap timeout, so a stuck
 * transaction cannot hold back an event number long enough for a tracking processor to skip it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerDatabaseProperties.class)
public class DatabaseConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseCondition.class)
    public EmbeddedPostgresServer embeddedPostgresServer(LedgerDatabaseProperties properties) {
        return EmbeddedPostgresServer.start(properties.embedded().dataDir(), properties.embedded().port(),
                properties.embedded().serverSettings());
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(LedgerDatabaseProperties properties,
                                       ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.isEmbedded()) {
            config.setJdbcUrl(embedded.getObject().jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
            LOG.info("Ledger database: external PostgreSQL at {} as user {}", properties.url(), properties.user());
        }
        config.setPoolName("ledger");
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionInitSql("SET idle_in_transaction_session_timeout = '20s'");
        return new HikariDataSource(config);
    }
}
