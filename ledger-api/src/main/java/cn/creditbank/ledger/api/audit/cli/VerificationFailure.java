package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.Checkpoint;

/**
 * The first thing that does not verify (exit code 1). Verification stops there: after one broken link every later
 * comparison would fail too and only bury the one that matters.
 */
final class VerificationFailure extends Exception {

    VerificationFailure(String where, String chinese, String english) {
        super("验证失败 / FAILED at " + where + ": " + chinese + " / " + english);
    }

    static VerificationFailure at(ExportLine line, long lineNumber, String chinese, String english) {
        return new VerificationFailure(line.where(lineNumber), chinese, english);
    }

    static VerificationFailure at(Checkpoint checkpoint, String chinese, String english) {
        return new VerificationFailure("checkpoint chain " + checkpoint.chainSequence() + " (position "
                + checkpoint.position() + ")", chinese, english);
    }
}
