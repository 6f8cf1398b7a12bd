package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.problem.Causes;
import cn.creditbank.ledger.api.problem.ProblemCode;
import cn.creditbank.ledger.core.outcome.ItemRecorded;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.outcome.RecordOutcomes;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.projections.outcome.AccountStreams;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records the rows of a batch, many per database transaction. A chunk of rows shares one transaction and one Axon
 * unit of work: the rows of each learner go to that learner's account as one {@link RecordOutcomes} command, which
 * judges each row exactly as its own {@link RecordOutcome} would (in row order) and answers a refusal per row without
 * failing, so a refused row records nothing and no savepoint is needed. The chunk's events are appended together
 * when its unit of work commits (one batched insert), where the bank-wide reference guard checks them all in one
 * statement.
 * <p>
 * The chunk's accounts are read ahead in two queries (not two per account) and loaded from what was read. What an
 * account cannot see is checked first, for the whole chunk: a learner without an account (nothing was read), and
 * an external reference that another learner holds (in the ledger, one query, or on an earlier row of the chunk). Such a
 * row is recorded alone after its chunk, through the original one-command path, so its answer is exactly what it
 * would have been (the first holder of a reference is then already recorded). A chunk that fails for any other
 * reason (an append race with another node, an SQL error, a failed commit) is rolled back whole and recorded again
 * one row per transaction through the retrying gateway. Every retry is safe: a command carries its own outcome id,
 * so a row that did land answers that same id and is counted once.
 */
@Service
class BatchRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRecorder.class);

    private static final String REFERENCE_HOLDERS = """
            SELECT r.issuer, r.external_ref, r.learner_id FROM outcome_reference r
            JOIN unnest(?::varchar[], ?::varchar[]) AS wanted(issuer, external_ref)
              ON r.issuer = wanted.issuer AND r.external_ref = wanted.external_ref""";

    /** No retry scheduler: its retries run on another thread, outside this thread's transaction and unit of work. */
    private final CommandGateway inTransaction;
    private final CommandGateway retrying;
    private final TransactionTemplate chunkTransaction;
    private final JdbcTemplate jdbc;
    private final AccountStreams accounts;
    private final int chunkSize;

    BatchRecorder(CommandBus commandBus, CommandGateway commandGateway, PlatformTransactionManager transactions,
                  JdbcTemplate jdbc, AccountStreams accounts, @Value("${ledger.batch.chunk-size:500}") int chunkSize) {
        this.inTransaction = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.retrying = commandGateway;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.accounts = accounts;
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
        Map<Integer, RowResult> answered = new HashMap<>();
        try {
            chunkTransaction.executeWithoutResult(status -> {
                UnitOfWork<?> chunkWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("outcome batch chunk"));
                try {
                    Map<LearnerId, List<PreparedRow>> together = together(chunk, alone);
                    together.forEach((learner, rows) -> answer(learner, rows, answered));
                    chunkWork.commit(); // appends every event of the chunk and runs the guards, in this transaction
                } finally {
                    if (chunkWork.isActive()) {
                        chunkWork.rollback();
                    }
                }
            });
            answered.forEach((index, result) -> results[index] = result);
        } catch (RuntimeException failed) {
            LOG.warn("A batch chunk of {} rows was rolled back; recording its rows one per transaction",
                    chunk.size(), failed);
            alone.clear();
            alone.addAll(chunk);
        }
        alone.sort(Comparator.comparingInt(PreparedRow::index));
        for (PreparedRow row : alone) {
            RowResult result = recordAlone(row);
            results[row.index()] = result;
            if (result.status() == RowStatus.REJECTED && ProblemCode.INTERNAL_ERROR.name().equals(result.code())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The chunk's rows that can be recorded together, by learner in order of first appearance; the others are added
     * to {@code alone}: a learner without an account, or a reference held by another learner.
     */
    private Map<LearnerId, List<PreparedRow>> together(List<PreparedRow> chunk, List<PreparedRow> alone) {
        // every account of the chunk read ahead in two queries, for the loads of this unit of work
        Set<String> existing = accounts.prefetch(chunk.stream().map(row -> row.command().learnerId().value())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        Map<List<String>, String> holders = referenceHolders(chunk);
        Map<LearnerId, List<PreparedRow>> together = new LinkedHashMap<>();
        for (PreparedRow row : chunk) {
            RecordOutcome command = row.command();
            String learner = command.learnerId().value();
            String holder = holders.putIfAbsent(referenceKey(command), learner);
            if (!existing.contains(learner) || (holder != null && !holder.equals(learner))) {
                alone.add(row);
            } else {
                together.computeIfAbsent(command.learnerId(), id -> new ArrayList<>()).add(row);
            }
        }
        return together;
    }

    private void answer(LearnerId learner, List<PreparedRow> rows, Map<Integer, RowResult> answered) {
        List<RecordOutcome> items = rows.stream().map(PreparedRow::command).toList();
        List<ItemRecorded> answers = inTransaction.sendAndWait(new RecordOutcomes(learner, items));
        for (int i = 0; i < rows.size(); i++) {
            PreparedRow row = rows.get(i);
            ItemRecorded answer = answers.get(i);
            answered.put(row.index(), answer.refused()
                    ? RowResult.rejected(row.index(), answer.refusal(), answer.detail())
                    : answered(row, answer.outcomeId()));
        }
    }

    /** Who holds each of the chunk's references already, by {@link #referenceKey}. */
    private Map<List<String>, String> referenceHolders(List<PreparedRow> chunk) {
        String[] issuers = new String[chunk.size()];
        String[] references = new String[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            issuers[i] = chunk.get(i).command().facts().issuer().value();
            references[i] = chunk.get(i).command().facts().externalRef();
        }
        Map<List<String>, String> holders = new HashMap<>();
        jdbc.query(REFERENCE_HOLDERS, (RowCallbackHandler) rows -> holders.put(
                referenceKey(rows.getString(1), rows.getString(2)), rows.getString(3)), issuers, references);
        return holders;
    }

    /** An issuer and its external reference, as a key with value equality. */
    private static List<String> referenceKey(RecordOutcome command) {
        return referenceKey(command.facts().issuer().value(), command.facts().externalRef());
    }

    private static List<String> referenceKey(String issuer, String externalRef) {
        return List.of(issuer, externalRef);
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
