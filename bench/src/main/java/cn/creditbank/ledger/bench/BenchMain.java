package cn.creditbank.ledger.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The benchmark harness: {@code java -jar bench/target/bench.jar [replay|audit|ledger] [--quick] [--events N]}; replay
 * is the default; {@code ledger} is the whole ledger's benchmark (docs/benchmarks.md). Exits by itself: Axon keeps a static, non-daemon timeout janitor thread that nothing shuts down.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        String mode = args.length > 0 && List.of("replay", "audit", "ledger").contains(args[0]) ? args[0] : "replay";
        String[] rest = args.length > 0 && args[0].equals(mode) ? Arrays.copyOfRange(args, 1, args.length) : args;
        int status;
        try {
            status = switch (mode) {
                case "audit" -> AuditBenchmark.run(rest);
                case "ledger" -> LedgerBenchmark.run(rest);
                default -> ReplayBenchmark.run(rest);
            };
        } catch (Exception | Error failure) {
            failure.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
