package cn.creditbank.ledger.api.audit.cli;

import cn.creditbank.ledger.projections.audit.Checkpoint;
import cn.creditbank.ledger.projections.audit.Ed25519Keys;

import java.security.PublicKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints whose signatures verified, by chain sequence, for the export lines to be compared with as they stream
 * past. Signatures are checked first, before the long pass over the export, so a forged checkpoint is named as
 * forged rather than as disagreeing with a line.
 */
final class CheckpointIndex {

    private final Map<Long, Checkpoint> bySequence;
    private final int count;
    private int matched;
    private Checkpoint anchor;

    private CheckpointIndex(Map<Long, Checkpoint> bySequence, int count) {
        this.bySequence = bySequence;
        this.count = count;
    }

    static CheckpointIndex verify(List<Checkpoint> checkpoints, Map<String, PublicKey> keys)
            throws VerificationFailure {
        Map<Long, Checkpoint> bySequence = new HashMap<>();
        List<Checkpoint> inChainOrder = checkpoints.stream()
                .sorted(Comparator.comparingLong(Checkpoint::chainSequence)).toList();
        for (Checkpoint checkpoint : inChainOrder) {
            PublicKey key = keys.get(checkpoint.keyId());
            if (key == null) {
                throw VerificationFailure.at(checkpoint, "未知签名密钥",
                        "signed with key id \"" + checkpoint.keyId() + "\", which is not in the key set");
            }
            if (!Ed25519Keys.verifies(key, checkpoint)) {
                throw VerificationFailure.at(checkpoint, "签名无效",
                        "the signature does not verify with key \"" + checkpoint.keyId() + "\"");
            }
            Checkpoint other = bySequence.putIfAbsent(checkpoint.chainSequence(), checkpoint);
            // Two genuine signatures on different states of one link would mean the ledger forked or was rewritten.
            if (other != null && (other.position() != checkpoint.position() || !other.hash().equals(checkpoint.hash()))) {
                throw VerificationFailure.at(checkpoint, "检查点互相矛盾",
                        "two signed checkpoints disagree: position " + other.position() + " hash " + other.hash()
                                + " versus position " + checkpoint.position() + " hash " + checkpoint.hash());
            }
        }
        return new CheckpointIndex(bySequence, checkpoints.size());
    }

    /**
     * An export that starts mid-chain takes its first previousHash as given; a checkpoint on the link just before
     * it is a signed statement of that hash, so the start is then anchored too.
     */
    void checkStart(ExportLine first, long lineNumber) throws VerificationFailure {
        Checkpoint before = bySequence.get(first.chainSequence() - 1);
        if (before == null) {
            return;
        }
        if (!before.hash().equals(first.previousHash())) {
            throw VerificationFailure.at(first, lineNumber, "起点与检查点不符",
                    "previousHash " + first.previousHash() + " but the signed checkpoint at chain "
                            + before.chainSequence() + " says " + before.hash());
        }
        anchor = before;
    }

    void checkLine(ExportLine line, long lineNumber) throws VerificationFailure {
        Checkpoint checkpoint = bySequence.get(line.chainSequence());
        if (checkpoint == null) {
            return;
        }
        if (!checkpoint.hash().equals(line.hash())) {
            throw VerificationFailure.at(line, lineNumber, "与签名检查点不符",
                    "the signed checkpoint says hash " + checkpoint.hash() + ", the line has " + line.hash());
        }
        if (checkpoint.position() != line.position()) {
            throw VerificationFailure.at(line, lineNumber, "与签名检查点不符",
                    "the signed checkpoint says position " + checkpoint.position() + ", the line has "
                            + line.position());
        }
        matched++;
    }

    int count() {
        return count;
    }

    /** The chain links that checkpoints were given for (several checkpoints of one link count once). */
    int links() {
        return bySequence.size();
    }

    /** Checkpoints compared with a line of the export (duplicates of one link count once). */
    int matched() {
        return matched;
    }

    /** The checkpoint confirming the first line's previousHash, or null. */
    Checkpoint anchor() {
        return anchor;
    }
}
