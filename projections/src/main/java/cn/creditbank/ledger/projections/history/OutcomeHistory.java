package cn.creditbank.ledger.projections.history;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.projections.credit.OutcomeView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a learner's outcomes as the bank knew them at an instant, from the bitemporal read model. */
@Repository
public class OutcomeHistory {

    private static final RowMapper<OutcomeView> VIEW = (rs, row) -> new OutcomeView(
            OutcomeId.of(rs.getString("outcome_id")), UnitKind.valueOf(rs.getString("kind")),
            UnitCode.of(rs.getString("unit_code")), InstitutionCode.of(rs.getString("issuer")),
            rs.getDate("outcome_date").toLocalDate(),
            rs.getBigDecimal("score") == null ? null : new Score(rs.getBigDecimal("score")), rs.getString("level"),
            rs.getBoolean("passed"), new Credits(rs.getBigDecimal("credits")), localDate(rs.getDate("valid_until")),
            rs.getBoolean("voided"), localDate(rs.getDate("revoked_on")));

    private static final RowMapper<OutcomeEntry> ENTRY = (rs, row) -> new OutcomeEntry(VIEW.mapRow(rs, row),
            rs.getString("external_ref"), rs.getInt("unit_version"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("recorded_by"));

    /**
     * The account (so a learner unknown at that instant is told apart from one without outcomes) and its outcome
     * versions known at an instant, in one statement: a read is one round trip. A known account without outcomes is
     * one row without an outcome.
     */
    private static final String KNOWN_AT = """
            SELECT v.* FROM learner_account a
            LEFT JOIN outcome_version v ON v.learner_id = a.learner_id
                AND v.known_from <= ? AND (v.known_until IS NULL OR v.known_until > ?)
            WHERE a.learner_id = ? AND a.opened_at <= ?
            ORDER BY v.outcome_date, v.outcome_id""";

    private final JdbcTemplate jdbc;

    public OutcomeHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every outcome of the learner with the values known at {@code knownAt} (voided ones included, flagged); empty
     * when the learner had no account then.
     */
    public Optional<List<OutcomeView>> outcomesKnownAt(LearnerId learner, Instant knownAt) {
        return knownAt(learner, knownAt, VIEW);
    }

    /** The same outcomes with their references and recording details, for listing them to people. */
    public Optional<List<OutcomeEntry>> entriesKnownAt(LearnerId learner, Instant knownAt) {
        return knownAt(learner, knownAt, ENTRY);
    }

    private <T> Optional<List<T>> knownAt(LearnerId learner, Instant knownAt, RowMapper<T> rows) {
        Timestamp at = Timestamp.from(knownAt);
        return jdbc.query(KNOWN_AT, result -> {
            if (!result.next()) {
                return Optional.empty();
            }
            List<T> found = new ArrayList<>();
            int row = 0;
            do {
                if (result.getString("outcome_id") != null) {
                    found.add(rows.mapRow(result, row++));
                }
            } while (result.next());
            return Optional.of(found);
        }, at, at, learner.value(), at);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
