package cn.creditbank.ledger.projections.identity;

import cn.creditbank.ledger.core.shared.LearnerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The protected table of learners' personal data (PIPL). The ledger refers to learners only by id; erasing
 * personal data here never touches an event.
 */
@Repository
public class LearnerIdentityStore {

    private static final RowMapper<LearnerIdentity> ROW = (rs, row) -> new LearnerIdentity(
            LearnerId.of(rs.getString("learner_id")), rs.getString("display_name"), rs.getString("national_id"),
            rs.getString("external_ref"), rs.getTimestamp("opened_at").toInstant(),
            rs.getTimestamp("erased_at") == null ? null : rs.getTimestamp("erased_at").toInstant());

    private final JdbcTemplate jdbc;

    public LearnerIdentityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(LearnerIdentity identity) {
        jdbc.update("""
                        INSERT INTO learner_identity (learner_id, display_name, national_id, external_ref, opened_at)
                        VALUES (?, ?, ?, ?, ?)""",
                identity.learnerId().value(), identity.displayName(), identity.nationalId(), identity.externalRef(),
                Timestamp.from(identity.openedAt()));
    }

    public Optional<LearnerIdentity> find(LearnerId learnerId) {
        return jdbc.query("SELECT * FROM learner_identity WHERE learner_id = ?", ROW, learnerId.value())
                .stream().findFirst();
    }

    public Optional<LearnerIdentity> findByExternalRef(String externalRef) {
        return jdbc.query("SELECT * FROM learner_identity WHERE external_ref = ?", ROW, externalRef)
                .stream().findFirst();
    }

    /**
     * Learners whose display name or external reference contains {@code query} (all when blank), oldest first;
     * erased identities are not found by name any more.
     */
    public List<LearnerIdentity> search(String query, long offset, int limit) {
        return jdbc.query("""
                        SELECT * FROM learner_identity
                        WHERE ? = '' OR display_name LIKE ? ESCAPE '\\' OR external_ref LIKE ? ESCAPE '\\'
                        ORDER BY opened_at, learner_id OFFSET ? LIMIT ?""",
                ROW, blankToEmpty(query), containing(query), containing(query), offset, limit);
    }

    public long count(String query) {
        Long count = jdbc.queryForObject("""
                        SELECT count(*) FROM learner_identity
                        WHERE ? = '' OR display_name LIKE ? ESCAPE '\\' OR external_ref LIKE ? ESCAPE '\\'""",
                Long.class, blankToEmpty(query), containing(query), containing(query));
        return count == null ? 0 : count;
    }

    private static String blankToEmpty(String query) {
        return query == null ? "" : query.strip();
    }

    private static String containing(String query) {
        return "%" + blankToEmpty(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Erases the personal data of a learner (right to erasure); answers whether there was anything to erase. */
    public boolean erase(LearnerId learnerId, Instant at) {
        return jdbc.update("""
                        UPDATE learner_identity SET display_name = NULL, national_id = NULL, external_ref = NULL,
                               erased_at = ? WHERE learner_id = ? AND erased_at IS NULL""",
                Timestamp.from(at), learnerId.value()) == 1;
    }
}
