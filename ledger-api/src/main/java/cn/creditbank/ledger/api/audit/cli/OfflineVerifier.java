package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.ChainHash;
import cn.creditbank.ledger.projections.audit.Checkpoint;

import java.io.PrintStream;

/**
 * {@code audit verify}: checks an audit export on a regulator's own machine, with no database and no network.
 * It recomputes the hash chain over the exported events and checks the signed checkpoints against the audit keys
 * and against the lines they name. Runs before (and without) Spring, so it uses only the JDK and Jackson.
 *
 * <p>Exit codes: 0 verified, 1 a check failed (the first failure is named), 2 usage error.
 */
public final class OfflineVerifier {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private OfflineVerifier() {
    }

    /** The arguments after {@code audit verify}; prints to standard output. */
    public static int run(String[] args) {
        return run(args, System.out);
    }

    static int run(String[] args, PrintStream out) {
        try {
            VerifyOptions options = VerifyOptions.parse(args);
            if (options.help()) {
                out.print(VerifyOptions.USAGE);
                return VERIFIED;
            }
            var keys = AuditKeys.read(options.keys());
            var checkpoints = CheckpointsFile.read(options.checkpoints());
            CheckpointIndex index = CheckpointIndex.verify(checkpoints, keys);
            ChainCheck chain = new ChainCheck(index);
            ExportReader.stream(options.export(), chain);
            if (chain.events() == 0) {
                throw new VerificationFailure("the export", "没有事件", "it holds no events, so nothing is verified");
            }
            report(out, chain, index);
            return VERIFIED;
        } catch (BadUsage e) {
            out.println("用法错误 / usage error: " + e.getMessage());
            out.print(VerifyOptions.USAGE);
            return USAGE;
        } catch (VerificationFailure e) {
            out.println(e.getMessage());
            return FAILED;
        }
    }

    private static void report(PrintStream out, ChainCheck chain, CheckpointIndex checkpoints) {
        ExportLine first = chain.first();
        ExportLine head = chain.last();
        out.println("已验证 / verified: " + chain.events() + " events, " + checkpoints.count() + " checkpoints, head position "
                + head.position() + " hash " + head.hash());
        int unmatched = checkpoints.links() - checkpoints.matched() - (checkpoints.anchor() == null ? 0 : 1);
        out.println("  范围 / range: chain " + first.chainSequence() + ".." + head.chainSequence() + ", positions "
                + first.position() + ".." + head.position() + "; checkpoints matching export lines: "
                + checkpoints.matched() + (unmatched == 0 ? "" : ", outside the export (signature only): " + unmatched));
        if (!ChainHash.GENESIS.equals(first.previousHash())) {
            Checkpoint anchor = checkpoints.anchor();
            out.println("  起点 / starts mid-chain: previousHash " + first.previousHash() + " taken as given, "
                    + (anchor == null ? "not confirmed by any checkpoint"
                    : "confirmed by the signed checkpoint at chain " + anchor.chainSequence()));
        }
    }
}
