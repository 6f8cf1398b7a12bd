package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;

import java.util.Set;

/**
 * Who is calling, as the bearer token says: the subject (client id or user name), the roles, and for a learner the
 * learner id, for an institution its catalogue code.
 */
public record Caller(String subject, Set<Role> roles, LearnerId learnerId, InstitutionCode institution) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
