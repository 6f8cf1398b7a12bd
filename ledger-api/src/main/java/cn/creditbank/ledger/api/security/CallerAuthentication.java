package cn.creditbank.ledger.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated bearer token: the principal is the {@link Caller} read from it, the authorities its roles. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private final transient Jwt token;

    CallerAuthentication(Caller caller, Jwt token) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.subject();
    }
}
