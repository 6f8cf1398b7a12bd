package cn.creditbank.ledger.projections.reconciliation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A digest of a read model's whole content in a stable order, to compare a rebuilt projection with the live one.
 */
@Component
public class ReadModelChecksum {

    private final JdbcTemplate jdbc;

    public ReadModelChecksum(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String outcomeHistory() {
        return jdbc.queryForObject("""
                SELECT md5(coalesce((SELECT string_agg(row_to_json(a)::text, ',' ORDER BY learner_id)
                                     FROM learner_account a), '')
                           || '|' ||
                           coalesce((SELECT string_agg(row_to_json(v)::text, ',' ORDER BY learner_id, event_sequence)
                                     FROM outcome_version v), ''))""", String.class);
    }

    public String transfers() {
        return jdbc.queryForObject("""
                SELECT md5(concat_ws('|',
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id)
                              FROM transfer_application t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id, course_code)
                              FROM transfer_course t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id, rule_id, rule_version)
                              FROM transfer_rule t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY transfer_id, outcome_id, cause)
                              FROM transfer_affected t), ''),
                    coalesce((SELECT string_agg(row_to_json(t)::text, ',' ORDER BY learner_id, outcome_id, cause)
                              FROM transfer_outcome_withdrawal t), '')))""", String.class);
    }
}
