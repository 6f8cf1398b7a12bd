package cn.creditbank.ledger.projections.support;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * One running instance of the application (without its web server), as a test starts, stops and restarts it.
 * Several nodes on the same database behave like the nodes of a cluster.
 */
public final class LedgerNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private LedgerNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * A node of {@code application} on an external database (the shared test server), without demo data unless
     * asked. Both the ledger's own and Spring Boot's datasource settings are given, so the full application and the
     * projections-only test application connect the same way.
     */
    public static LedgerNode onDatabase(Class<?> application, String jdbcUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "ledger.db.url", jdbcUrl, "ledger.db.user", "postgres", "ledger.db.password", "",
                "spring.datasource.url", jdbcUrl, "spring.datasource.username", "postgres",
                "ledger.demo-data", "never"));
        properties.putAll(extra);
        return start(application, properties);
    }

    public static LedgerNode start(Class<?> application, Map<String, Object> properties) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // as command-line arguments: they must outrank application.yml, as an operator's settings do
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new LedgerNode(new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(arguments));
    }

    public CommandGateway commands() {
        return bean(CommandGateway.class);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
