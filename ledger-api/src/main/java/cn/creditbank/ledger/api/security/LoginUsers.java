package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The people who sign in at the embedded server's login form ({@code auth_user}), with what their tokens say. */
final class LoginUsers implements UserDetailsService {

    /**
     * What a signed-in user's access token carries besides the subject: a learner's account, or the institution a
     * registrar works for.
     */
    record Account(String username, Set<Role> roles, LearnerId learnerId, InstitutionCode institution) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    LoginUsers(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("SELECT username, password, roles, enabled FROM auth_user WHERE username = ?",
                        (row, i) -> User.withUsername(row.getString("username"))
                                .password(row.getString("password"))
                                .roles(row.getString("roles").split(","))
                                .disabled(!row.getBoolean("enabled"))
                                .build(), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    Optional<Account> account(String username) {
        return jdbc.query("SELECT username, roles, learner_id, institution FROM auth_user WHERE username = ?",
                (row, i) -> new Account(row.getString("username"), roles(row.getString("roles")),
                        row.getString("learner_id") == null ? null : LearnerId.of(row.getString("learner_id")),
                        row.getString("institution") == null ? null
                                : InstitutionCode.of(row.getString("institution"))),
                username).stream().findFirst();
    }

    /** Adds a learner unless the name is taken; safe to repeat, and against another node doing the same. */
    void addLearnerIfAbsent(String username, String rawPassword, LearnerId learnerId) {
        addIfAbsent(username, rawPassword, Set.of(Role.LEARNER), learnerId.value(), null);
    }

    /** Adds a registrar of an institution unless the name is taken; safe to repeat, like a learner. */
    void addRegistrarIfAbsent(String username, String rawPassword, InstitutionCode institution) {
        addIfAbsent(username, rawPassword, Set.of(Role.INSTITUTION), null, institution.value());
    }

    private void addIfAbsent(String username, String rawPassword, Set<Role> roles, String learnerId,
                             String institution) {
        // a BCrypt hash is a tenth of a second of CPU; a node restarting with its users in place needs none
        if (account(username).isPresent()) {
            return;
        }
        jdbc.update("""
                        INSERT INTO auth_user (username, password, roles, learner_id, institution)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (username) DO NOTHING""", username, passwords.encode(rawPassword),
                roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), learnerId, institution);
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(names.split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
