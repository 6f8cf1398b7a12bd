package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.ChainHash;

/**
 * The checks on the stream of export lines, one line at a time, keeping only the line before: constant memory
 * whatever the size of the export.
 */
final class ChainCheck {

    private final CheckpointIndex checkpoints;
    private ExportLine first;
    private ExportLine last;
    private long events;

    ChainCheck(CheckpointIndex checkpoints) {
        this.checkpoints = checkpoints;
    }

    void accept(ExportLine line, long lineNumber) throws VerificationFailure {
        if (last == null) {
            first = line;
            checkpoints.checkStart(line, lineNumber);
        } else {
            assertFollows(line, lineNumber);
        }
        assertHash(line, lineNumber);
        assertOriginAsHashed(line, lineNumber);
        checkpoints.checkLine(line, lineNumber);
        last = line;
        events++;
    }

    /** A deleted, repeated or moved line shows here first, before its hash is even computed. */
    private void assertFollows(ExportLine line, long lineNumber) throws VerificationFailure {
        if (line.chainSequence() != last.chainSequence() + 1) {
            throw VerificationFailure.at(line, lineNumber, "链序号不连续",
                    "chain sequence " + line.chainSequence() + " follows " + last.chainSequence()
                            + " (a line is missing, repeated or out of order; only an unfiltered range verifies)");
        }
        if (!line.previousHash().equals(last.hash())) {
            throw VerificationFailure.at(line, lineNumber, "链接断开",
                    "previousHash " + line.previousHash() + " is not the hash of the line before, " + last.hash());
        }
    }

    private static void assertHash(ExportLine line, long lineNumber) throws VerificationFailure {
        String recomputed = ChainHash.next(line.previousHash(), line.storedEvent());
        if (!recomputed.equals(line.hash())) {
            throw VerificationFailure.at(line, lineNumber, "哈希不符",
                    "hash mismatch, expected " + recomputed + " found " + line.hash());
        }
    }

    /** recordedBy, institution and requestId are outside the hash; they must say what the hashed metadata says. */
    private static void assertOriginAsHashed(ExportLine line, long lineNumber) throws VerificationFailure {
        if (!line.claimedOrigin().equals(line.hashedOrigin())) {
            throw VerificationFailure.at(line, lineNumber, "来源与元数据不符",
                    "recordedBy/institution/requestId " + describe(line.claimedOrigin())
                            + " differ from the hashed metadata " + describe(line.hashedOrigin()));
        }
    }

    private static String describe(ExportLine.Origin origin) {
        return origin.recordedBy() + "/" + origin.institution() + "/" + origin.requestId();
    }

    long events() {
        return events;
    }

    ExportLine first() {
        return first;
    }

    ExportLine last() {
        return last;
    }
}
