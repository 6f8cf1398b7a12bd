package cn.creditbank.ledger.api.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The embedded server stores every token it issues as an authorization (that is how a code is redeemed at another
 * node); once all of an authorization's tokens have expired it serves nothing, so it is deleted rather than kept
 * forever. Any node may do it; a repeated delete deletes nothing.
 */
final class ExpiredAuthorizations {

    private final JdbcTemplate jdbc;

    ExpiredAuthorizations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void delete() {
        jdbc.update("""
                DELETE FROM oauth2_authorization
                WHERE GREATEST(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
                               refresh_token_expires_at, user_code_expires_at, device_code_expires_at) < now()""");
    }
}
