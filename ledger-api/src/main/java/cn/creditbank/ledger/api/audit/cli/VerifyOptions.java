package cn.creditbank.ledger.api.audit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code audit verify}; every file is checked for readability before any verification starts. */
record VerifyOptions(boolean help, Path export, Path keys, List<Path> checkpoints) {

    static final String USAGE = """
            用法 / usage: java -jar ledger-api.jar audit verify --export events.ndjson --keys keys.json \
            [--checkpoints checkpoints.json ...]
              --export FILE       导出的事件 / the exported events (GET /api/v1/audit/events), one JSON object a line,
                                  an unfiltered range in chain order
              --keys FILE         审计公钥 / the audit public keys (GET /api/v1/audit/keys), a JWK set
              --checkpoints FILE  签名检查点 / signed checkpoints (GET /api/v1/audit/checkpoints); repeat it for
                                  several pages
              --help              显示本说明 / show this text
            退出码 / exit code: 0 已验证 verified, 1 验证失败 failed, 2 用法错误 usage error
            """;

    static VerifyOptions parse(String[] args) throws BadUsage {
        Path export = null;
        Path keys = null;
        List<Path> checkpoints = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new VerifyOptions(true, null, null, List.of());
            }
            // Both "--export FILE" and "--export=FILE".
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String value;
            if (name.length() < arg.length()) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            switch (name) {
                case "--export" -> export = once(name, export, readable(name, value));
                case "--keys" -> keys = once(name, keys, readable(name, value));
                case "--checkpoints" -> checkpoints.add(readable(name, value));
                default -> throw new BadUsage("未知参数 / unknown option: " + arg);
            }
        }
        if (export == null || keys == null) {
            throw new BadUsage("缺少参数 / missing option: " + (export == null ? "--export" : "--keys"));
        }
        return new VerifyOptions(false, export, keys, List.copyOf(checkpoints));
    }

    private static Path once(String option, Path previous, Path path) throws BadUsage {
        if (previous != null) {
            throw new BadUsage("参数重复 / option given twice: " + option);
        }
        return path;
    }

    private static Path readable(String option, String value) throws BadUsage {
        if (value == null || value.isBlank()) {
            throw new BadUsage("缺少文件名 / " + option + " needs a file name");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new BadUsage("无法读取文件 / cannot read file: " + value);
        }
        return path;
    }
}
