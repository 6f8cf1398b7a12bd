package cn.creditbank.ledger.api.learner;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.projections.support.LedgerNode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.identity.LearnerIdentityStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.creditbank.ledger.projections.support.DemoFixtures.TESTER;
import static cn.creditbank.ledger.projections.support.DemoFixtures.nodeWithCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal data never enters the event store, and erasing it leaves every stored event byte for byte as it was. */
class IdentityErasureTest {

    private static LedgerNode node;

    @BeforeAll
    static void start() {
        node = nodeWithCatalogue(LedgerApplication.class);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void personalDataIsStoredOutsideTheEventStore() {
        LearnerId learner = node.bean(LearnerOnboarding.class).open("王五", "110101199001011234", "HR-0042", TESTER);
        node.commands().sendAndWait(moduleResult(learner, "M1", "pii-check-1", 90));

        assertThat(node.bean(LearnerIdentityStore.class).find(learner)).get()
                .satisfies(identity -> assertThat(identity.displayName()).isEqualTo("王五"));
        assertThat(eventsMentioning("王五")).isZero();
        assertThat(eventsMentioning("110101199001011234")).isZero();
        assertThat(eventsMentioning("HR-0042")).isZero();
    }

    @Test
    void erasingAnIdentityLeavesTheLedgerUntouched() {
        LearnerId learner = node.bean(LearnerOnboarding.class).open("赵六", "110101198002023456", null, TESTER);
        node.commands().sendAndWait(moduleResult(learner, "M1", "erase-check-1", 75));
        String ledgerBefore = ledgerDigest();

        boolean erased = node.bean(LearnerIdentityStore.class).erase(learner, Instant.parse("2026-11-01T00:00:00Z"));

        assertThat(erased).isTrue();
        assertThat(node.bean(LearnerIdentityStore.class).find(learner)).get().satisfies(identity -> {
            assertThat(identity.displayName()).isNull();
            assertThat(identity.nationalId()).isNull();
            assertThat(identity.erasedAt()).isNotNull();
        });
        assertThat(ledgerDigest()).isEqualTo(ledgerBefore);
    }

    private static int eventsMentioning(String text) {
        return node.jdbc().queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE position(convert_to(?, 'UTF8') in payload) > 0
                   OR position(convert_to(?, 'UTF8') in coalesce(meta_data, ''::bytea)) > 0""",
                Integer.class, text, text);
    }

    private static String ledgerDigest() {
        return node.jdbc().queryForObject("""
                SELECT md5(string_agg(global_index || ':' || encode(payload, 'hex') || ':'
                       || encode(coalesce(meta_data, ''::bytea), 'hex'), ',' ORDER BY global_index))
                FROM domain_event_entry""", String.class);
    }
}
