package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.problem.Causes;
import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.OutcomeId;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records the rows of a batch, many per database transaction. A chunk of rows shares one transaction and each
 * command runs in a savepoint of it: Axon's unit of work joins the transaction, and a refused command may already
 * have appended its event (the bank-wide reference guard refuses after the append), so only rolling back to the
 * savepoint removes it — and clears PostgreSQL's aborted state after an SQL error. A row that fails for any other
 * reason than a domain refusal is recorded again alone after its chunk, through the retrying gateway; a chunk whose
 * commit fails is recorded again one row per transaction. Every retry is safe: a command carries its own outcome
 * id, so a row that did land answers that same id and is counted once.
 */
@Service
class BatchRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRecorder.class);

    /** No retry scheduler: its retries run on another thread, outside this thread's transaction and savepoint. */
    private final CommandGateway inTransaction;
    private final CommandGateway retrying;
    private final TransactionTemplate chunkTransaction;
    private final TransactionTemplate savepoint;
    private final int chunkSize;

    BatchRecorder(CommandBus commandBus, CommandGateway commandGateway, PlatformTransactionManager transactions,
                  @Value("${ledger.batch.chunk-size:500}") int chunkSize) {
        this.inTransaction = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.retrying = commandGateway;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.chunkSize = Math.max(1, chunkSize);
    }

    /** One result per row, in row order. */
    List<RowResult> record(List<PreparedRow> rows) {
        RowResult[] results = new RowResult[rows.size()];
        List<PreparedRow> commands = new ArrayList<>();
        for (PreparedRow row : rows) {
            if (row.command() == null) {
                results[row.index()] = row.rejection();
            } else {
                commands.add(row);
            }
        }
        boolean ledgerFailed = false;
        for (int from = 0; from < commands.size(); from += chunkSize) {
            List<PreparedRow> chunk = commands.subList(from, Math.min(from + chunkSize, commands.size()));
            if (ledgerFailed) {
                chunk.forEach(row -> results[row.index()] = notAttempted(row));
            } else {
                ledgerFailed = !recordChunk(chunk, results);
            }
        }
        return Arrays.asList(results);
    }

    /** Answers false when a row could not be recorded even alone: the ledger itself is failing. */
    private boolean recordChunk(List<PreparedRow> chunk, RowResult[] results) {
        List<PreparedRow> alone = new ArrayList<>();
        try {
            chunkTransaction.executeWithoutResult(status -> {
                for (PreparedRow row : chunk) {
                    RowResult result = inSavepoint(row);
                    if (result == null) {
                        alone.add(row);
                    } else {
                        results[row.index()] = result;
                    }
                }
            });
        } catch (RuntimeException commitFailed) {
            LOG.warn("A batch chunk of {} rows was rolled back; recording its rows one per transaction",
                    chunk.size(), commitFailed);
            alone.clear();
            alone.addAll(chunk);
        }
        for (PreparedRow row : alone) {
            RowResult result = recordAlone(row);
            results[row.index()] = result;
            if (result.status() == RowStatus.REJECTED && ProblemCode.INTERNAL_ERROR.name().equals(result.code())) {
                return false;
            }
        }
        return true;
    }

    /** The row's result, or null when it failed for a reason other than a refusal and must be retried alone. */
    private RowResult inSavepoint(PreparedRow row) {
        try {
            return answered(row, savepoint.execute(status -> inTransaction.sendAndWait(row.command())));
        } catch (TransactionSystemException | CannotCreateTransactionException unusable) {
            throw unusable; // the chunk's transaction itself is broken: give it up and redo the chunk row by row
        } catch (RuntimeException failure) {
            DomainException refusal = refusal(failure);
            if (refusal != null) {
                return RowResult.rejected(row.index(), refusal.code(), refusal.getMessage());
            }
            LOG.debug("Batch row {} failed inside its chunk; it will be recorded alone", row.index(), failure);
            return null;
        }
    }

    private RowResult recordAlone(PreparedRow row) {
        try {
            return answered(row, retrying.sendAndWait(row.command()));
        } catch (RuntimeException failure) {
            DomainException refusal = refusal(failure);
            if (refusal != null) {
                return RowResult.rejected(row.index(), refusal.code(), refusal.getMessage());
            }
            if (Causes.find(failure, ConcurrencyException.class) != null) {
                return RowResult.rejected(row.index(), ErrorCode.CONCURRENT_MODIFICATION,
                        "another change to the same account won every retry; send this row again");
            }
            LOG.error("Batch row {} could not be recorded; the rest of the batch is not attempted", row.index(),
                    failure);
            return RowResult.rejected(row.index(), ProblemCode.INTERNAL_ERROR,
                    "the ledger could not record this row; send the batch again");
        }
    }

    /** The account answers the id of the outcome it holds: ours when this row recorded it, an earlier one if not. */
    private static RowResult answered(PreparedRow row, Object outcomeId) {
        OutcomeId ours = row.command().outcomeId();
        return ours.equals(outcomeId) ? RowResult.accepted(row.index(), ours.value())
                : RowResult.duplicate(row.index(), String.valueOf(outcomeId));
    }

    private static RowResult notAttempted(PreparedRow row) {
        return RowResult.rejected(row.index(), ProblemCode.INTERNAL_ERROR,
                "not attempted: the ledger failed while recording this batch; send the batch again");
    }

    /** A domain refusal is the row's answer; a concurrency conflict is not, it is retried. */
    private static DomainException refusal(Throwable failure) {
        DomainException refusal = Causes.find(failure, DomainException.class);
        return refusal == null || refusal.code() == ErrorCode.CONCURRENT_MODIFICATION ? null : refusal;
    }
}
