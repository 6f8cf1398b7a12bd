package cn.creditbank.ledger.bench;

import java.util.List;

/** The harness's command-line arguments and its output lines ({@code name value unit}). */
final class Arguments {

    private Arguments() {
    }

    static boolean has(String[] args, String flag) {
        return List.of(args).contains(flag);
    }

    static long number(String[] args, String name, long fallback) {
        return Long.parseLong(text(args, name, Long.toString(fallback)));
    }

    static String text(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    static String line(String name, long value, String unit) {
        return name + " " + value + " " + unit;
    }
}
