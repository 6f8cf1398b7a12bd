package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.api.support.ApiNode;
import cn.creditbank.ledger.core.demo.DemoLearners;
import cn.creditbank.ledger.core.shared.LearnerId;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding a user that exists changes nothing and costs no password hash (every demo start adds all of them). */
class LoginUsersTest {

    private final ApiNode node = ApiNode.shared();

    @Test
    void anExistingUserIsNeitherRehashedNorChanged() {
        CountingEncoder encoder = new CountingEncoder();
        String stored = passwordOf("zhangsan");

        new LoginUsers(node.jdbc(), encoder).addLearnerIfAbsent("zhangsan", "another-pass", DemoLearners.ZHANGSAN);

        assertThat(encoder.hashes.get()).isZero();
        assertThat(passwordOf("zhangsan")).isEqualTo(stored);
    }

    @Test
    void aNewUserIsHashedOnceAndStored() {
        CountingEncoder encoder = new CountingEncoder();
        LoginUsers users = new LoginUsers(node.jdbc(), encoder);

        String username = "wangwu-" + System.nanoTime(); // the node is shared: a name no other test uses

        users.addLearnerIfAbsent(username, "wangwu-pass", LearnerId.of("demo-wangwu"));
        users.addLearnerIfAbsent(username, "wangwu-pass", LearnerId.of("demo-wangwu"));

        assertThat(encoder.hashes.get()).isOne();
        assertThat(encoder.matches("wangwu-pass", passwordOf(username))).isTrue();
        assertThat(users.account(username)).hasValueSatisfying(account -> {
            assertThat(account.roles()).containsExactly(Role.LEARNER);
            assertThat(account.learnerId()).isEqualTo(LearnerId.of("demo-wangwu"));
        });
    }

    private String passwordOf(String username) {
        return node.jdbc().queryForObject("SELECT password FROM auth_user WHERE username = ?", String.class,
                username);
    }

    /** BCrypt, counting the hashes it computes. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private final AtomicInteger hashes = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            hashes.incrementAndGet();
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
