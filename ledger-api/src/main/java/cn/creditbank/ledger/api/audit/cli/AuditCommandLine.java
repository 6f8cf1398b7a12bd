package cn.creditbank.ledger.api.audit.cli;

import java.util.Arrays;

/**
 * The regulator's commands of the packaged application: {@code audit verify} checks an export offline (no database,
 * no Spring), {@code audit replay} rebuilds a projection into a scratch schema and compares it with the live one.
 */
public final class AuditCommandLine {

    private static final String USAGE = """
            用法 / usage:
              java -jar ledger-api.jar audit verify --export events.ndjson --keys keys.json [--checkpoints FILE]
              java -jar ledger-api.jar audit replay --projection outcome-history|transfers [--known-at INSTANT]""";

    private AuditCommandLine() {
    }

    /** Whether the arguments ask for an audit command rather than the server. */
    public static boolean isAuditCommand(String[] args) {
        return args.length > 0 && "audit".equals(args[0]);
    }

    /** Runs the command named by {@code args[1]}; answers the process exit code. */
    public static int run(String[] args) {
        String[] rest = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
        return switch (args.length > 1 ? args[1] : "") {
            case "verify" -> OfflineVerifier.run(rest);
            case "replay" -> ReplayCommand.run(rest);
            default -> {
                System.out.println(USAGE);
                yield 2;
            }
        };
    }
}
