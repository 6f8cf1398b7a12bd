package cn.creditbank.ledger.api.security;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.util.StringUtils;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the {@link Caller} out of a verified token, with the claim names of {@code ledger.security.claims}. A token
 * whose claims cannot be understood is an invalid token (401), never a server error. Role names the ledger does not
 * know are ignored: an external issuer's tokens carry roles of other applications too.
 */
final class CallerClaims implements Converter<Jwt, CallerAuthentication> {

    private final SecurityProperties.Claims names;

    CallerClaims(SecurityProperties.Claims names) {
        this.names = names;
    }

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        if (!StringUtils.hasText(jwt.getSubject())) {
            throw new InvalidBearerTokenException("the token has no subject");
        }
        Set<Role> roles = roles(jwt.getClaims().get(names.roles()));
        LearnerId learner = optional(jwt, names.learnerId(), LearnerId::of);
        InstitutionCode institution = optional(jwt, names.institution(), InstitutionCode::of);
        if (roles.contains(Role.LEARNER) && learner == null) {
            throw new InvalidBearerTokenException("a LEARNER token must carry claim " + names.learnerId());
        }
        if (roles.contains(Role.INSTITUTION) && institution == null) {
            throw new InvalidBearerTokenException("an INSTITUTION token must carry claim " + names.institution());
        }
        return new CallerAuthentication(new Caller(jwt.getSubject(), roles, learner, institution), jwt);
    }

    private Set<Role> roles(Object claim) {
        Collection<?> values;
        if (claim == null) {
            values = List.of();
        } else if (claim instanceof Collection<?> list) {
            values = list;
        } else if (claim instanceof String text) {
            values = List.of(text.split("[,\\s]+"));
        } else {
            throw new InvalidBearerTokenException("claim " + names.roles() + " is not a list of roles");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String name = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role.name().equals(name)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static <T> T optional(Jwt jwt, String claim, Function<String, T> type) {
        if (!jwt.hasClaim(claim)) {
            return null;
        }
        try {
            return type.apply(jwt.getClaimAsString(claim));
        } catch (DomainException | IllegalArgumentException malformed) {
            throw new InvalidBearerTokenException("claim " + claim + " is malformed", malformed);
        }
    }
}
