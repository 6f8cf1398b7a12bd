package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.Catalogue;
import cn.creditbank.ledger.core.catalogue.InstitutionDefinition;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.catalogue.Versioned;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learner's account (学习账户): every learning outcome recorded for one learner and its corrections. It checks
 * each command against the catalogue as of the outcome's date, then applies a fact; facts are never changed.
 */
public class LearnerAccount {

    @AggregateIdentifier
    private LearnerId learnerId;
    private final Map<OutcomeId, OutcomeState> outcomes = new HashMap<>();
    /** issuer + external reference → outcome: the idempotency key of a recording. */
    private final Map<String, OutcomeId> byReference = new HashMap<>();

    protected LearnerAccount() {
    }

    @CommandHandler
    public LearnerAccount(OpenLearnerAccount command) {
        apply(new LearnerAccountOpened(command.learnerId(), command.recordedBy()));
    }

    @CommandHandler
    public OutcomeId handle(RecordOutcome command, Catalogue catalogue, Clock clock) {
        OutcomeFacts facts = command.facts();
        OutcomeId earlier = byReference.get(referenceKey(facts.issuer(), facts.externalRef()));
        if (earlier != null) {
            assertSameFacts(earlier, facts);
            return earlier; // a retry: nothing new to record
        }
        assertNewOutcomeId(command.outcomeId());
        assertNotInFuture(facts.date(), clock);
        Versioned<UnitDefinition> unit = assertAccredited(catalogue, facts.issuer(), facts.unitCode(), facts.date());
        Judgement judgement = OutcomeJudge.judge(facts.kind(), unit.definition(), facts.score(), facts.level(),
                facts.date(), facts.validUntil());
        apply(recordedEvent(command, unit.version(), judgement));
        return command.outcomeId();
    }

    /** Each item as its own recording would be judged; a refusal is that item's answer, not the command's. */
    @CommandHandler
    public List<ItemRecorded> handle(RecordOutcomes command, Catalogue catalogue, Clock clock) {
        List<ItemRecorded> answers = new ArrayList<>(command.items().size());
        for (RecordOutcome item : command.items()) {
            try {
                answers.add(ItemRecorded.recorded(handle(item, catalogue, clock)));
            } catch (DomainException refused) {
                answers.add(ItemRecorded.refused(refused));
            }
        }
        return answers;
    }

    @CommandHandler
    public void handle(VoidOutcome command) {
        assertNotVoided(assertExists(command.outcomeId()));
        apply(new OutcomeVoided(learnerId, command.outcomeId(), command.reason(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(CorrectOutcome command, Catalogue catalogue, Clock clock) {
        OutcomeState outcome = assertExists(command.outcomeId());
        assertNotVoided(outcome);
        if (command.score() == null && command.level() == null && command.date() == null) {
            throw new DomainException(ErrorCode.NOTHING_TO_CORRECT, "give a score, a level or a date to correct");
        }
        Score score = command.score() != null ? command.score() : outcome.score();
        String level = command.level() != null ? command.level() : outcome.level();
        LocalDate date = command.date() != null ? command.date() : outcome.date();
        if (Objects.equals(score, outcome.score()) && Objects.equals(level, outcome.level())
                && date.equals(outcome.date())) {
            return; // the outcome already has these values: a correction that changes nothing records nothing
        }
        assertNotInFuture(date, clock);
        OutcomeFacts recorded = outcome.recordedFacts();
        Versioned<UnitDefinition> unit = assertAccredited(catalogue, recorded.issuer(), recorded.unitCode(), date);
        LocalDate givenValidUntil = outcome.validUntilDerived() ? null : outcome.validUntil();
        Judgement judgement = OutcomeJudge.judge(outcome.kind(), unit.definition(), score, level, date, givenValidUntil);
        apply(new OutcomeCorrected(learnerId, command.outcomeId(), unit.version(), score, level, date,
                judgement.validUntil(), judgement.passed(), judgement.credits(), command.reason(),
                command.recordedBy()));
    }

    @CommandHandler
    public void handle(RevokeCertificate command, Clock clock) {
        OutcomeState outcome = assertExists(command.outcomeId());
        assertNotVoided(outcome);
        if (outcome.kind() != UnitKind.CERTIFICATE) {
            throw new DomainException(ErrorCode.NOT_A_CERTIFICATE, "only a certificate can be revoked");
        }
        if (outcome.revoked()) {
            throw new DomainException(ErrorCode.CERTIFICATE_ALREADY_REVOKED, "the certificate is already revoked");
        }
        assertNotInFuture(command.date(), clock);
        if (command.date().isBefore(outcome.date())) {
            throw new DomainException(ErrorCode.INVALID_PERIOD, "a certificate cannot be revoked before its award date");
        }
        apply(new CertificateRevoked(learnerId, command.outcomeId(), command.reason(), command.date(),
                command.recordedBy()));
    }

    private void assertSameFacts(OutcomeId earlier, OutcomeFacts facts) {
        if (!outcomes.get(earlier).recordedFacts().equals(facts)) {
            throw new DomainException(ErrorCode.EXTERNAL_REF_CONFLICT, "external reference " + facts.externalRef()
                    + " of " + facts.issuer() + " was already recorded with other content as outcome " + earlier);
        }
    }

    private void assertNewOutcomeId(OutcomeId outcomeId) {
        if (outcomes.containsKey(outcomeId)) {
            throw new DomainException(ErrorCode.DUPLICATE_ENTRY, "outcome " + outcomeId + " already exists");
        }
    }

    private static void assertNotInFuture(LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new DomainException(ErrorCode.DATE_IN_FUTURE, "date " + date + " is in the future");
        }
    }

    private static Versioned<UnitDefinition> assertAccredited(Catalogue catalogue, InstitutionCode issuer,
                                                              UnitCode unitCode, LocalDate date) {
        Versioned<UnitDefinition> unit = catalogue.unit(unitCode).orElseThrow(() ->
                new DomainException(ErrorCode.UNKNOWN_UNIT, "unit " + unitCode + " is not in the catalogue"));
        InstitutionDefinition institution = catalogue.institution(issuer).map(Versioned::definition).orElseThrow(() ->
                new DomainException(ErrorCode.UNKNOWN_INSTITUTION, "institution " + issuer + " is not in the catalogue"));
        if (!institution.isAccreditedFor(unitCode, date)) {
            throw new DomainException(ErrorCode.NOT_ACCREDITED,
                    issuer + " is not accredited for " + unitCode + " on " + date);
        }
        return unit;
    }

    private OutcomeState assertExists(OutcomeId outcomeId) {
        OutcomeState outcome = outcomes.get(outcomeId);
        if (outcome == null) {
            throw new DomainException(ErrorCode.UNKNOWN_OUTCOME, "outcome " + outcomeId + " does not exist");
        }
        return outcome;
    }

    private static void assertNotVoided(OutcomeState outcome) {
        if (outcome.voided()) {
            throw new DomainException(ErrorCode.OUTCOME_ALREADY_VOIDED, "outcome " + outcome.outcomeId() + " is voided");
        }
    }

    private OutcomeRecorded recordedEvent(RecordOutcome command, int unitVersion, Judgement judgement) {
        OutcomeFacts f = command.facts();
        return switch (f.kind()) {
            case EXAM -> new ExamResultRecorded(learnerId, command.outcomeId(), f.unitCode(), unitVersion, f.issuer(),
                    f.externalRef(), f.date(), f.score(), judgement.passed(), judgement.credits(), command.recordedBy());
            case CERTIFICATE -> {
                if (f.certificateNo() == null) {
                    throw new DomainException(ErrorCode.CERTIFICATE_NUMBER_REQUIRED, "a certificate needs its number");
                }
                yield new CertificateAwarded(learnerId, command.outcomeId(), f.unitCode(), unitVersion, f.issuer(),
                        f.externalRef(), f.date(), f.level(), f.certificateNo(), judgement.validUntil(),
                        judgement.validUntilDerived(), judgement.credits(), command.recordedBy());
            }
            case COURSE, MODULE, TRAINING -> new CompletionRecorded(learnerId, command.outcomeId(), f.kind(),
                    f.unitCode(), unitVersion, f.issuer(), f.externalRef(), f.date(), f.score(), f.hours(),
                    judgement.passed(), judgement.credits(), command.recordedBy());
        };
    }

    private static String referenceKey(InstitutionCode issuer, String externalRef) {
        return issuer.value() + '\u0000' + externalRef;
    }

    @EventSourcingHandler
    void on(LearnerAccountOpened event) {
        learnerId = event.learnerId();
    }

    @EventSourcingHandler
    void on(CompletionRecorded e) {
        remember(e, new OutcomeFacts(e.kind(), e.unitCode(), e.issuer(), e.externalRef(), e.date(), e.score(),
                e.hours(), null, null, null), null, false);
    }

    @EventSourcingHandler
    void on(ExamResultRecorded e) {
        remember(e, new OutcomeFacts(UnitKind.EXAM, e.unitCode(), e.issuer(), e.externalRef(), e.date(), e.score(),
                null, null, null, null), null, false);
    }

    @EventSourcingHandler
    void on(CertificateAwarded e) {
        LocalDate given = e.validUntilDerived() ? null : e.validUntil();
        remember(e, new OutcomeFacts(UnitKind.CERTIFICATE, e.unitCode(), e.issuer(), e.externalRef(), e.date(), null,
                null, e.level(), e.certificateNo(), given), e.validUntil(), e.validUntilDerived());
    }

    private void remember(OutcomeRecorded event, OutcomeFacts facts, LocalDate validUntil, boolean derived) {
        outcomes.put(event.outcomeId(), OutcomeState.recorded(event, facts, validUntil, derived));
        byReference.put(referenceKey(event.issuer(), event.externalRef()), event.outcomeId());
    }

    @EventSourcingHandler
    void on(OutcomeCorrected event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> outcome.corrected(event));
    }

    @EventSourcingHandler
    void on(OutcomeVoided event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> outcome.markVoided());
    }

    @EventSourcingHandler
    void on(CertificateRevoked event) {
        outcomes.computeIfPresent(event.outcomeId(), (id, outcome) -> outcome.markRevoked());
    }
}
