package cn.creditbank.ledger.api.outcome;

import cn.creditbank.ledger.api.LedgerApplication;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.support.LedgerNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static cn.creditbank.ledger.projections.support.DemoFixtures.moduleResult;
import static cn.creditbank.ledger.projections.support.DemoFixtures.nodeWithCatalogue;
import static cn.creditbank.ledger.projections.support.DemoFixtures.openLearner;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node keeps the catalogue definitions it has read in memory; a version another node defined meanwhile must still
 * be the one a recording is judged against (the command is checked before it commits, and retried if it used an
 * older one).
 */
class CatalogueFreshnessTest {

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
    void aUnitVersionDefinedByAnotherNodeIsTheOneTheNextRecordingIsJudgedAgainst() {
        LearnerId learner = openLearner(node);
        node.commands().sendAndWait(moduleResult(learner, "FRESH-1", "fresh-1", 88)); // read and kept in memory
        node.commands().sendAndWait(moduleResult(learner, "FRESH-2", "fresh-2", 88)); // served from memory
        int current = node.jdbc().queryForObject(
                "SELECT max(version) FROM catalogue_item WHERE kind = 'UNIT' AND code = 'VOC-AIM-03'", Integer.class);
        assertThat(recorded("fresh-2")).containsEntry("unitVersion", current);
        assertThat(credits("fresh-2")).isEqualByComparingTo("2");

        // another node defines the next version worth 5 credits: here only its row in the table is seen
        node.jdbc().update("""
                INSERT INTO catalogue_item (kind, code, version, definition, recorded_at, recorded_by)
                SELECT kind, code, version + 1, jsonb_set(definition, '{credits}', '5'), now(), 'another-node'
                FROM catalogue_item WHERE kind = 'UNIT' AND code = 'VOC-AIM-03' AND version = ?""", current);
        node.commands().sendAndWait(moduleResult(learner, "FRESH-3", "fresh-3", 88));

        assertThat(recorded("fresh-3")).containsEntry("unitVersion", current + 1);
        assertThat(credits("fresh-3")).isEqualByComparingTo("5");
    }

    private static Map<String, Object> recorded(String externalRef) {
        return node.jdbc().queryForMap("""
                SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'unitVersion')::int AS "unitVersion"
                FROM domain_event_entry WHERE convert_from(payload, 'UTF8')::jsonb ->> 'externalRef' = ?""",
                externalRef);
    }

    private static BigDecimal credits(String externalRef) {
        return node.jdbc().queryForObject("""
                SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'credits')::numeric
                FROM domain_event_entry WHERE convert_from(payload, 'UTF8')::jsonb ->> 'externalRef' = ?""",
                BigDecimal.class, externalRef);
    }
}
