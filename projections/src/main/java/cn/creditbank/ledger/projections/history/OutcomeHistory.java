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
import java.util.List;

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

    private static final String KNOWN_AT = """
            SELECT * FROM outcome_version
            WHERE learner_id = ? AND known_from <= ? AND (known_until IS NULL OR known_until > ?)
            ORDER BY outcome_date, outcome_id""";

    private final JdbcTemplate jdbc;

    public OutcomeHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every outcome of the learner with the values known at {@code knownAt} (voided ones included, flagged). */
    public List<OutcomeView> outcomesKnownAt(LearnerId learner, Instant knownAt) {
        return jdbc.query(KNOWN_AT, VIEW, learner.value(), Timestamp.from(knownAt), Timestamp.from(knownAt));
    }

    /** The same outcomes with their references and recording details, for listing them to people. */
    public List<OutcomeEntry> entriesKnownAt(LearnerId learner, Instant knownAt) {
        return jdbc.query(KNOWN_AT, ENTRY, learner.value(), Timestamp.from(knownAt), Timestamp.from(knownAt));
    }

    /** Whether the learner's account existed at {@code knownAt}. */
    public boolean accountKnownAt(LearnerId learner, Instant knownAt) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM learner_account WHERE learner_id = ? AND opened_at <= ?)",
                Boolean.class, learner.value(), Timestamp.from(knownAt)));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
