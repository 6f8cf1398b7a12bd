package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.projections.reconciliation.ReplayComparison;
import cn.creditbank.ledger.projections.reconciliation.ReplayableProjection;
import cn.creditbank.ledger.projections.reconciliation.RowDifference;
import cn.creditbank.ledger.projections.reconciliation.ScratchReplay;
import cn.creditbank.ledger.projections.reconciliation.TableDifference;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -jar ledger-api.jar audit replay --projection outcome-history [--known-at 2026-11-01T00:00:00Z]
 * [--json] [--spring.or.ledger.property=value …]}: the audit replay of {@code POST /api/v1/audit/replays} from the
 * command line, for an operator or regulator on the server without an HTTP client or token. Starts the application
 * without its web server and without demo data (on the configured database, like the server), replays, prints the
 * result and exits: 0 when the replay matches the live model, 1 when it differs, 2 on a usage error, 3 when the
 * replay could not run.
 */
public final class ReplayCommand {

    static final int MATCHES = 0;
    static final int DIFFERS = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private static final String USAGE_TEXT = """
            用法 Usage: java -jar ledger-api.jar audit replay --projection <outcome-history|transfers> \
            [--known-at <ISO-8601 instant>] [--json] [--<setting>=<value> …]
              --projection  要重放的投影 the projection to replay
              --known-at    只重放此时刻及之前记录的事件，并与当时的实时模型比较
                            replay only the events recorded at or before this instant, compared with the live model
                            as it stood then (e.g. 2026-11-01T00:00:00Z)
              --json        以 JSON 输出 print the result as JSON
            退出码 Exit codes: 0 一致 matches · 1 不一致 differs · 2 用法错误 usage error · 3 无法运行 could not run""";

    private ReplayCommand() {
    }

    /** Runs the command; {@code args} may start with {@code audit replay}. Returns the exit code. */
    public static int run(String[] args) {
        return run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
            ReplayableProjection.named(options.projection); // refuse an unknown name before starting anything
        } catch (IllegalArgumentException | DomainException e) {
            err.println("错误 Error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true"); // as LedgerApplication: no calling out
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(options.springArguments())) {
            ReplayComparison result = context.getBean(ScratchReplay.class).replay(options.projection, options.knownAt);
            out.println(options.json ? JsonMapper.builder().build().writeValueAsString(result) : text(result));
            return result.matches() ? MATCHES : DIFFERS;
        } catch (RuntimeException e) {
            err.println("重放失败 Replay failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** The result for a reader, labels in Chinese and English. */
    static String text(ReplayComparison result) {
        List<String> lines = new ArrayList<>(List.of(
                "投影重放 Projection replay",
                "  投影 Projection:              " + result.projection(),
                "  记录时间截至 Known at:        " + (result.knownAt() == null ? "全部事件 all events"
                        : result.knownAt().toString()),
                "  重放事件 Events replayed:     " + result.events(),
                "  实时校验和 Live checksum:     " + result.liveChecksum(),
                "  重放校验和 Replay checksum:   " + result.replayChecksum(),
                "  结果 Result:                  " + (result.matches() ? "一致 MATCHES" : "不一致 DIFFERS")));
        for (TableDifference table : result.differences()) {
            lines.add("  差异 Difference in table " + table.table() + ": 实时 live " + table.liveRows()
                    + " 行 rows, 重放 replay " + table.replayRows() + " 行 rows");
            for (RowDifference row : table.rows()) {
                lines.add("    " + kind(row.kind()) + " " + key(row.key()));
                if (row.live() != null) {
                    lines.add("      实时 live:   " + row.live());
                }
                if (row.replay() != null) {
                    lines.add("      重放 replay: " + row.replay());
                }
            }
            if (table.truncated()) {
                lines.add("    …更多差异未列出 more differences not listed");
            }
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static String kind(RowDifference.Kind kind) {
        return switch (kind) {
            case LIVE_ONLY -> "仅实时 LIVE_ONLY";
            case REPLAY_ONLY -> "仅重放 REPLAY_ONLY";
            case DIFFERENT -> "不同 DIFFERENT";
        };
    }

    private static String key(Map<String, Object> key) {
        return key.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The command's own options; every other {@code --name=value} is a setting for the application. */
    private record Options(String projection, Instant knownAt, boolean json, List<String> settings) {

        static Options parse(String[] args) {
            List<String> rest = new ArrayList<>(List.of(args));
            if (rest.size() >= 2 && rest.get(0).equals("audit") && rest.get(1).equals("replay")) {
                rest = rest.subList(2, rest.size());
            }
            String projection = null;
            String knownAt = null;
            boolean json = false;
            List<String> settings = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                switch (name) {
                    case "--projection", "--known-at" -> {
                        String value;
                        if (equals >= 0) {
                            value = arg.substring(equals + 1);
                        } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                            value = rest.get(++i);
                        } else {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        if (name.equals("--projection")) {
                            projection = value;
                        } else {
                            knownAt = value;
                        }
                    }
                    case "--json" -> json = true;
                    default -> {
                        if (!arg.startsWith("--") || equals < 0) {
                            throw new IllegalArgumentException("unknown argument '" + arg + "'");
                        }
                        settings.add(arg);
                    }
                }
            }
            if (projection == null || projection.isBlank()) {
                throw new IllegalArgumentException("--projection is required");
            }
            return new Options(projection.strip(), knownAt == null ? null : instant(knownAt), json, settings);
        }

        /** Settings for the application: the given ones, demo data always off (a replay must not add events). */
        String[] springArguments() {
            List<String> arguments = settings.stream().filter(s -> !s.startsWith("--ledger.demo-data="))
                    .collect(Collectors.toCollection(ArrayList::new));
            arguments.add("--ledger.demo-data=never");
            if (arguments.stream().noneMatch(s -> s.startsWith("--logging.level.root="))) {
                arguments.add("--logging.level.root=WARN"); // the result, not the startup log, is the output
            }
            return arguments.toArray(String[]::new);
        }

        private static Instant instant(String text) {
            try {
                Instant instant = Instant.parse(text);
                if (instant.isAfter(Instant.now())) {
                    throw new IllegalArgumentException("--known-at " + text + " is in the future");
                }
                return instant;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--known-at '" + text + "' is not an ISO-8601 instant such as "
                        + "2026-11-01T00:00:00Z");
            }
        }
    }
}
