package cn.creditbank.ledger.api.support;

import cn.creditbank.ledger.api.LedgerApplication;
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

    /** A node on an external database (the shared test server), without demo data unless asked. */
    public static LedgerNode onDatabase(String jdbcUrl, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "ledger.db.url", jdbcUrl, "ledger.db.user", "postgres", "ledger.db.password", "",
                "ledger.demo-data", "never"));
        properties.putAll(extra);
        return start(properties);
    }

    public static LedgerNode start(Map<String, Object> properties) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // as command-line arguments: they must outrank application.yml, as an operator's settings do
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new LedgerNode(new SpringApplicationBuilder(LedgerApplication.class)
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
