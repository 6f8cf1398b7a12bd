package cn.creditbank.ledger.api.outcome.batch;

import cn.creditbank.ledger.api.learner.LearnerOnboarding;
import cn.creditbank.ledger.api.outcome.batch.BatchClient.Answer;
import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.api.support.Tokens;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.outcome.RecordOutcomes;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static cn.creditbank.ledger.api.outcome.batch.BatchClient.goodRows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Failures that are not the row's fault, injected into the command bus: the row (or chunk) must be recorded again
 * and every good row must land exactly once. Also pins down how Axon's unit of work and Spring's transaction manager
 * behave together: why a command that may refuse after its append cannot share a transaction without a savepoint,
 * and so why the batch's chunks send commands that answer refusals per row instead of throwing.
 */
class BatchRecoveryTest {

    private static ApiNode node;
    private static BatchClient client;
    private static String operator;

    @BeforeAll
    static void start() {
        node = ApiNode.withDemoData();
        client = new BatchClient(node);
        operator = Tokens.clientCredentials(node.baseUrl(), "operator", "operator-secret");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String newLearner() {
        return node.bean(LearnerOnboarding.class).open("恢复测试", null, null, "tester").value();
    }

    /** Another node appended to the same learner after this row's append: Axon reports a ConcurrencyException. */
    @Test
    void aRowThatLosesAConcurrentAppendIsRecordedAloneAfterItsChunk() {
        String learner = newLearner();
        Registration fault = failOnce("CONFLICT-3", () -> {
            throw new ConcurrencyException("simulated: another node appended to this learner");
        });
        try {
            Answer answer = client.postJson(operator, goodRows(learner, "CONFLICT", 8));

            assertThat(answer.body().get("accepted").asInt()).isEqualTo(8);
        } finally {
            fault.cancel();
        }
        assertEachLandedOnce("CONFLICT", 8);
    }

    /** An SQL error aborts PostgreSQL's transaction; only the rollback to the savepoint makes it usable again. */
    @Test
    void anSqlErrorInOneRowDoesNotLoseTheRestOfTheChunk() {
        String learner = newLearner();
        Registration fault = failOnce("SQLERR-2", () -> node.jdbc().execute("SELECT 1 / 0"));
        try {
            Answer answer = client.postJson(operator, goodRows(learner, "SQLERR", 6));

            assertThat(answer.body().get("accepted").asInt()).isEqualTo(6);
        } finally {
            fault.cancel();
        }
        assertEachLandedOnce("SQLERR", 6);
    }

    /** The chunk's commit fails after every row went well: the chunk is recorded again, one row per transaction. */
    @Test
    void aChunkWhoseCommitFailsIsRecordedAgainRowByRow() {
        String learner = newLearner();
        Registration fault = failOnce("COMMIT-4", () -> TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new IllegalStateException("simulated: the chunk's commit fails");
                    }
                }));
        try {
            Answer answer = client.postJson(operator, goodRows(learner, "COMMIT", 7));

            assertThat(answer.body().get("accepted").asInt()).isEqualTo(7);
        } finally {
            fault.cancel();
        }
        assertEachLandedOnce("COMMIT", 7);
    }

    /**
     * What the savepoints are for. Axon's SpringTransactionManager commits and rolls back only a transaction it
     * started, so a command that joins an outer transaction and fails neither rolls it back nor marks it
     * rollback-only (with Axon's default UnitOfWorkAwareConnectionProviderWrapper it did roll it back, silently,
     * by calling Connection.rollback(); DatabaseConfiguration replaces that provider). But the bank-wide reference
     * guard refuses after the event was appended: without a savepoint that refused event stays in the outer
     * transaction and would be committed with the good rows.
     */
    @Test
    void withoutASavepointARefusedCommandLeavesItsAppendedEventInTheOuterTransaction() {
        LearnerId owner = LearnerId.of(newLearner());
        LearnerId other = LearnerId.of(newLearner());
        CommandGateway inTransaction = DefaultCommandGateway.builder().commandBus(node.bean(CommandBus.class)).build();
        TransactionTemplate outer = new TransactionTemplate(node.bean(PlatformTransactionManager.class));

        outer.executeWithoutResult(status -> {
            inTransaction.sendAndWait(moduleResult(owner, "NOSAVE-1", "VOC-AIM-01"));
            assertThatThrownBy(() -> inTransaction.sendAndWait(moduleResult(owner, "NOSAVE-2", "VOC-NOPE")))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_UNIT));
            assertThat(status.isRollbackOnly()).isFalse();
            assertThat(client.eventsWithRef("NOSAVE-1")).isEqualTo(1); // the earlier write is still there

            assertThatThrownBy(() -> inTransaction.sendAndWait(moduleResult(other, "NOSAVE-1", "VOC-AIM-01")))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EXTERNAL_REF_CONFLICT));
            assertThat(status.isRollbackOnly()).isFalse();
            assertThat(client.eventsWithRef("NOSAVE-1")).isEqualTo(2); // and so is the refused one
            status.setRollbackOnly(); // keep the test database clean
        });
    }

    @Test
    void inASavepointTheRefusedCommandRollsBackAloneAndTheTransactionStaysUsable() {
        LearnerId owner = LearnerId.of(newLearner());
        LearnerId other = LearnerId.of(newLearner());
        CommandGateway inTransaction = DefaultCommandGateway.builder().commandBus(node.bean(CommandBus.class)).build();
        PlatformTransactionManager transactions = node.bean(PlatformTransactionManager.class);
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        outer.executeWithoutResult(status -> {
            savepoint.executeWithoutResult(
                    s -> inTransaction.sendAndWait(moduleResult(owner, "SAVE-1", "VOC-AIM-01")));
            assertThatThrownBy(() -> savepoint.executeWithoutResult(
                    s -> inTransaction.sendAndWait(moduleResult(other, "SAVE-1", "VOC-AIM-01"))))
                    .isInstanceOf(DomainException.class);
            savepoint.executeWithoutResult(
                    s -> inTransaction.sendAndWait(moduleResult(owner, "SAVE-2", "VOC-AIM-02")));
            assertThat(status.isRollbackOnly()).isFalse();
        });

        assertThat(client.eventsWithRef("SAVE-1")).isEqualTo(1);
        assertThat(client.learnerOf("SAVE-1")).isEqualTo(owner.value());
        assertThat(client.eventsWithRef("SAVE-2")).isEqualTo(1);
    }

    private static RecordOutcome moduleResult(LearnerId learner, String ref, String unit) {
        return new RecordOutcome(learner, OutcomeId.of(UUID.randomUUID().toString()), new OutcomeFacts(
                UnitKind.MODULE, UnitCode.of(unit), InstitutionCode.of("DEMO-VOC"), ref,
                LocalDate.of(2025, 6, 30), Score.of(80), null, null, null, null), "tester");
    }

    private static boolean records(RecordOutcome command, String externalRef) {
        return command.facts().externalRef().equals(externalRef);
    }

    private static void assertEachLandedOnce(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(client.eventsWithRef(prefix + "-" + i)).as(prefix + "-" + i).isEqualTo(1);
        }
    }

    /**
     * Runs {@code fault} once, in the prepare-commit phase of the transaction of the first command that records this
     * reference (a RecordOutcome alone, or the RecordOutcomes of a batch chunk): the chunk's whole unit of work fails.
     */
    private static Registration failOnce(String externalRef, Runnable fault) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        MessageHandlerInterceptor<CommandMessage<?>> interceptor = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Object payload = unitOfWork.getMessage().getPayload();
            boolean records = payload instanceof RecordOutcome command && records(command, externalRef)
                    || payload instanceof RecordOutcomes commands
                    && commands.items().stream().anyMatch(command -> records(command, externalRef));
            if (records && failed.add(externalRef)) {
                unitOfWork.root().onPrepareCommit(u -> fault.run());
            }
            return result;
        };
        return node.bean(CommandBus.class).registerHandlerInterceptor(interceptor);
    }
}
