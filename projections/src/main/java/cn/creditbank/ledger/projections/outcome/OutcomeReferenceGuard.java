package cn.creditbank.ledger.projections.outcome;

import cn.creditbank.ledger.core.outcome.CertificateAwarded;
import cn.creditbank.ledger.core.outcome.CompletionRecorded;
import cn.creditbank.ledger.core.outcome.ExamResultRecorded;
import cn.creditbank.ledger.core.outcome.OutcomeRecorded;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.catalogue.CatalogueItemDefined;
import cn.creditbank.ledger.projections.catalogue.JdbcCatalogue;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an issuer's external reference unique across the whole bank. A learner's account already refuses a
 * reused reference within that learner; this guard runs inside the recording transaction (subscribing
 * processor) and refuses the same reference for a different learner, which rolls the recording back.
 * <p>
 * One statement for all the recordings that one transaction appends (a batch import appends hundreds at once):
 * it claims each reference, or, when the reference is already claimed, locks and answers its owner, and answers
 * the ledger position of these events (appended earlier in the same transaction, before the processor ran), so the
 * write needs no later query for its {@code Ledger-Position}.
 */
@Component
@ProcessingGroup(OutcomeReferenceGuard.PROCESSING_GROUP)
class OutcomeReferenceGuard {

    static final String PROCESSING_GROUP = "outcome-reference-guard";

    /** DO UPDATE rather than DO NOTHING: it returns the row either way, the owner as last committed. */
    private static final String CLAIM = """
            WITH claimed AS (
                INSERT INTO outcome_reference (issuer, external_ref, learner_id, outcome_id)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                ON CONFLICT (issuer, external_ref) DO UPDATE SET learner_id = outcome_reference.learner_id
                RETURNING issuer, external_ref, learner_id),
            newer AS (%s)
            SELECT false, issuer, external_ref, learner_id,
                   (SELECT max(global_index) FROM domain_event_entry WHERE event_identifier = ANY(?::varchar[]))
            FROM claimed
            UNION ALL SELECT true, kind, code, NULL, NULL FROM newer""".formatted(JdbcCatalogue.NEWER_THAN_USED);

    private final String pendingKey = getClass().getName() + ".pending";
    private final String catalogueKey = getClass().getName() + ".catalogue";
    private final JdbcTemplate jdbc;
    private final RecordingPositions positions;
    private final JdbcCatalogue catalogue;

    OutcomeReferenceGuard(JdbcTemplate jdbc, RecordingPositions positions, JdbcCatalogue catalogue) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.catalogue = catalogue;
    }

    // One handler per kind of recording: Axon prefers a handler of a class over one of an interface, so a handler of
    // OutcomeRecorded would lose every recording to the catch-all handler of Object below.

    @EventHandler
    void on(CompletionRecorded event, EventMessage<?> message) {
        recorded(event, message);
    }

    @EventHandler
    void on(ExamResultRecorded event, EventMessage<?> message) {
        recorded(event, message);
    }

    @EventHandler
    void on(CertificateAwarded event, EventMessage<?> message) {
        recorded(event, message);
    }

    private void recorded(OutcomeRecorded payload, EventMessage<?> message) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        Recording recording = new Recording(payload, message.getIdentifier());
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch)) {
            claim(List.of(recording), catalogue.takeCheck());
            return;
        }
        // the processor hands over every event of the transaction in one unit of work: claim them together,
        // within the handling of its last event, so a refusal propagates exactly as it would for a single event
        batch.<List<Recording>>getOrComputeResource(pendingKey, key -> new ArrayList<>()).add(recording);
        claimIfLast(batch);
    }

    /** Any other event: it may be the last of the unit of work, after recordings still to be claimed. */
    @EventHandler
    void on(Object otherEvent) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch) {
            if (otherEvent instanceof CatalogueItemDefined<?>) { // then the catalogue's own check knows what is new
                batch.resources().put(catalogueKey, Boolean.TRUE);
            }
            claimIfLast(batch);
        }
    }

    private void claimIfLast(BatchingUnitOfWork<?> batch) {
        if (batch.isLastMessage()) {
            List<Recording> pending = batch.resources().remove(pendingKey) instanceof List<?> list
                    ? list.stream().map(Recording.class::cast).toList() : List.of();
            if (!pending.isEmpty()) {
                claim(pending, batch.resources().containsKey(catalogueKey) ? JdbcCatalogue.Check.NONE
                        : catalogue.takeCheck());
            }
        }
    }

    private record Recording(OutcomeRecorded event, String eventId) {
    }

    /** Claims the references and, in the same statement, runs the catalogue's check of the versions it used. */
    private void claim(List<Recording> recordings, JdbcCatalogue.Check catalogueCheck) {
        Map<List<String>, OutcomeRecorded> byReference = new HashMap<>();
        int n = recordings.size();
        String[] eventIds = new String[n];
        String[] issuers = new String[n];
        String[] references = new String[n];
        String[] learners = new String[n];
        String[] outcomes = new String[n];
        for (int i = 0; i < n; i++) {
            OutcomeRecorded event = recordings.get(i).event();
            eventIds[i] = recordings.get(i).eventId();
            issuers[i] = event.issuer().value();
            references[i] = event.externalRef();
            learners[i] = event.learnerId().value();
            outcomes[i] = event.outcomeId().value();
            byReference.put(key(issuers[i], references[i]), event);
        }
        long position = jdbc.query(CLAIM, owners -> {
            long newest = -1;
            List<String[]> newerCatalogue = new ArrayList<>();
            DomainException conflict = null;
            while (owners.next()) {
                if (owners.getBoolean(1)) {
                    newerCatalogue.add(new String[]{owners.getString(2), owners.getString(3)});
                    continue;
                }
                OutcomeRecorded event = byReference.get(key(owners.getString(2), owners.getString(3)));
                if (event != null && !event.learnerId().value().equals(owners.getString(4)) && conflict == null) {
                    conflict = new DomainException(ErrorCode.EXTERNAL_REF_CONFLICT, "external reference "
                            + event.externalRef() + " of " + event.issuer() + " is already recorded for another learner");
                }
                long index = owners.getLong(5);
                newest = owners.wasNull() ? newest : Math.max(newest, index);
            }
            catalogue.assertNoneNewer(newerCatalogue); // judged on an outdated definition: retried first
            if (conflict != null) {
                throw conflict;
            }
            return newest;
        }, issuers, references, learners, outcomes, catalogueCheck.kinds(), catalogueCheck.codes(),
                catalogueCheck.versions(), eventIds); // the driver binds each Java array as a PostgreSQL array
        if (CurrentUnitOfWork.isStarted()) { // noted once committed: a rolled-back attempt has no position
            CurrentUnitOfWork.get().root().afterCommit(u -> positions.recorded(position));
        }
    }

    /** An issuer and its external reference, as a key with value equality. */
    private static List<String> key(String issuer, String externalRef) {
        return List.of(issuer, externalRef);
    }
}
