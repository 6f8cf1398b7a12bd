package cn.creditbank.ledger.api.support;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * The whole application with its web server on a free port, on a fresh database of the shared test server, with the
 * demo data (catalogue, 张三, 李四, demo clients and users) loaded: what a client written from API.md talks to.
 */
public final class ApiNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ApiNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    private static ApiNode shared;

    public static ApiNode withDemoData() {
        return start(TestPostgres.freshDatabaseUrl(), Map.of());
    }

    /**
     * One node with the demo data for the test classes that leave the demo learners as they are (they create their
     * own learners for what they change), so that the suite starts the application once for all of them.
     */
    public static synchronized ApiNode shared() {
        if (shared == null) {
            shared = withDemoData();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A node on the given database; {@code extra} settings outrank application.yml, as an operator's would. */
    public static ApiNode start(String jdbcUrl, Map<String, Object> extra) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Map<String, Object> properties = new HashMap<>(Map.of(
                "ledger.db.url", jdbcUrl, "ledger.db.user", "postgres", "ledger.db.password", "",
                "ledger.demo-data", "always", "server.port", "0"));
        properties.putAll(extra);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new ApiNode(new SpringApplicationBuilder(LedgerApplication.class).run(arguments));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
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
