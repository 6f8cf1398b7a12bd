package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.core.transfer.RuleVersionRef;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.credit.ApprovedTransfer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Reads the transfer-application read model: single applications, lists, and what an evaluation must count. */
@Repository
public class TransferApplications {

    private static final String NEWEST_FIRST = " ORDER BY applied_at DESC, transfer_id DESC";

    private final JdbcTemplate jdbc;

    public TransferApplications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TransferView> find(TransferId transfer) {
        return views(jdbc.query("SELECT * FROM transfer_application WHERE transfer_id = ?", Header.ROW,
                transfer.value())).stream().findFirst();
    }

    /** Applications to the institution's programmes, of one status or all ({@code status} null), newest first. */
    public TransferPage ofInstitution(InstitutionCode institution, TransferStatus status, int page, int size) {
        String where = " WHERE institution = ?" + (status == null ? "" : " AND status = ?");
        Object[] arguments = status == null ? new Object[]{institution.value()}
                : new Object[]{institution.value(), status.name()};
        long total = Objects.requireNonNull(jdbc.queryForObject("SELECT count(*) FROM transfer_application" + where,
                Long.class, arguments));
        List<Object> paged = new ArrayList<>(List.of(arguments));
        paged.add(size);
        paged.add((long) page * size);
        List<Header> headers = jdbc.query("SELECT * FROM transfer_application" + where + NEWEST_FIRST
                + " LIMIT ? OFFSET ?", Header.ROW, paged.toArray());
        return new TransferPage(views(headers), page, size, total);
    }

    public List<TransferView> ofLearner(LearnerId learner) {
        return views(jdbc.query("SELECT * FROM transfer_application WHERE learner_id = ?" + NEWEST_FIRST, Header.ROW,
                learner.value()));
    }

    /** Whether the learner ever applied to a programme of the institution: institutions see only such learners. */
    public boolean hasApplied(LearnerId learner, InstitutionCode institution) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM transfer_application WHERE learner_id = ? AND institution = ?)",
                Boolean.class, learner.value(), institution.value()));
    }

    /**
     * The courses approved for the learner in the programme as the bank knew it at {@code knownAt}. An application
     * flagged AFFECTED still counts: nothing approved is silently undone.
     */
    public List<ApprovedTransfer> approvedKnownAt(LearnerId learner, ProgrammeCode programme, Instant knownAt) {
        return jdbc.query("""
                        SELECT c.course_code, c.outcome_id, c.rule_id, c.rule_version
                        FROM transfer_course c JOIN transfer_application a ON a.transfer_id = c.transfer_id
                        WHERE a.learner_id = ? AND a.programme_code = ? AND c.approved AND c.approved_at <= ?
                        ORDER BY c.approved_at, c.transfer_id, c.position""",
                (rs, row) -> new ApprovedTransfer(UnitCode.of(rs.getString("course_code")),
                        OutcomeId.of(rs.getString("outcome_id")), RuleId.of(rs.getString("rule_id")),
                        rs.getInt("rule_version")),
                learner.value(), programme.value(), Timestamp.from(knownAt));
    }

    /** The applications with their courses, rules and withdrawals, three queries whatever the number. */
    private List<TransferView> views(List<Header> headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        String[] ids = headers.stream().map(h -> h.transferId().value()).toArray(String[]::new);
        Map<String, List<TransferCourse>> courses = children("""
                SELECT * FROM transfer_course WHERE transfer_id = ANY (?) ORDER BY transfer_id, position""", ids,
                rs -> new TransferCourse(UnitCode.of(rs.getString("course_code")),
                        new Credits(rs.getBigDecimal("credits")), OutcomeId.of(rs.getString("outcome_id")),
                        RuleId.of(rs.getString("rule_id")), rs.getInt("rule_version"), rs.getBoolean("approved"),
                        instant(rs.getTimestamp("approved_at"))));
        Map<String, List<RuleVersionRef>> rules = children("""
                SELECT * FROM transfer_rule WHERE transfer_id = ANY (?) ORDER BY transfer_id, rule_id, rule_version""",
                ids, rs -> new RuleVersionRef(RuleId.of(rs.getString("rule_id")), rs.getInt("rule_version")));
        Map<String, List<OutcomeWithdrawal>> affected = children("""
                SELECT * FROM transfer_affected WHERE transfer_id = ANY (?)
                ORDER BY transfer_id, affected_at, outcome_id, cause""", ids,
                rs -> new OutcomeWithdrawal(OutcomeId.of(rs.getString("outcome_id")),
                        WithdrawalCause.valueOf(rs.getString("cause")), instant(rs.getTimestamp("affected_at"))));
        return headers.stream().map(h -> h.view(courses.getOrDefault(h.transferId().value(), List.of()),
                rules.getOrDefault(h.transferId().value(), List.of()),
                affected.getOrDefault(h.transferId().value(), List.of()))).toList();
    }

    private <T> Map<String, List<T>> children(String sql, String[] ids, Row<T> row) {
        Map<String, List<T>> byTransfer = new HashMap<>();
        jdbc.query(sql, rs -> {
            byTransfer.computeIfAbsent(rs.getString("transfer_id"), id -> new ArrayList<>()).add(row.map(rs));
        }, (Object) ids);
        return byTransfer;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** One application row, before its child rows are attached. */
    private record Header(TransferId transferId, LearnerId learnerId, ProgrammeCode programmeCode,
                          int programmeVersion, InstitutionCode institution, TransferStatus status,
                          java.time.LocalDate asOf, Instant evaluatedAt, Instant appliedAt, String appliedBy,
                          Instant decidedAt, InstitutionCode decidedBy, String decisionRecordedBy, String reason,
                          Credits earnedCredits, Credits transferredCredits, Credits cap) {

        static final RowMapper<Header> ROW = (rs, row) -> new Header(TransferId.of(rs.getString("transfer_id")),
                LearnerId.of(rs.getString("learner_id")), ProgrammeCode.of(rs.getString("programme_code")),
                rs.getInt("programme_version"), InstitutionCode.of(rs.getString("institution")),
                TransferStatus.valueOf(rs.getString("status")), rs.getDate("as_of").toLocalDate(),
                instant(rs.getTimestamp("evaluated_at")), instant(rs.getTimestamp("applied_at")),
                rs.getString("applied_by"), instant(rs.getTimestamp("decided_at")),
                optional(rs.getString("decided_by"), InstitutionCode::of), rs.getString("decision_recorded_by"),
                rs.getString("reason"), new Credits(rs.getBigDecimal("earned_credits")),
                new Credits(rs.getBigDecimal("transferred_credits")), new Credits(rs.getBigDecimal("cap")));

        TransferView view(List<TransferCourse> courses, List<RuleVersionRef> rules, List<OutcomeWithdrawal> affected) {
            return new TransferView(transferId, learnerId, programmeCode, programmeVersion, institution, status, asOf,
                    evaluatedAt, appliedAt, appliedBy, decidedAt, decidedBy, decisionRecordedBy, reason,
                    List.copyOf(courses), earnedCredits, transferredCredits, cap, List.copyOf(rules),
                    List.copyOf(affected));
        }

        private static <T> T optional(String value, Function<String, T> type) {
            return value == null ? null : type.apply(value);
        }
    }
}
