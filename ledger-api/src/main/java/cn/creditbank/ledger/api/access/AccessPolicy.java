package cn.creditbank.ledger.api.access;

import cn.creditbank.ledger.api.problem.ApiProblem;
import cn.creditbank.ledger.api.security.ApiAccessRules;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.security.Role;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.outcome.OutcomeIssuers;
import cn.creditbank.ledger.projections.transfer.TransferApplications;
import cn.creditbank.ledger.projections.transfer.TransferView;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Who may do what (API.md, Authentication and roles), in one place. The rules that depend on the path are
 * registered with the security filter chain by {@link #apply}, so no controller checks access by hand; the rules
 * that depend on a request's body (which issuer an outcome names) are the methods below, called by the write paths
 * before any command is sent. Regulators read everything and change nothing. A path not listed here only needs a
 * valid token: it names no endpoint, so the caller learns 404 or 405.
 */
@Component
public class AccessPolicy implements ApiAccessRules {

    private final TransferApplications transfers;
    private final OutcomeIssuers issuers;

    public AccessPolicy(TransferApplications transfers, OutcomeIssuers issuers) {
        this.transfers = transfers;
        this.issuers = issuers;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api) {
        api
                .requestMatchers(HttpMethod.GET, "/api/v1/catalogue/**").authenticated()
                .requestMatchers(HttpMethod.PUT, "/api/v1/catalogue/**").access(anyOf(Role.OPERATOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/learners").access(anyOf(Role.OPERATOR, Role.INSTITUTION))
                .requestMatchers(HttpMethod.GET, "/api/v1/learners").access(anyOf(Role.OPERATOR, Role.REGULATOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/me", "/api/v1/me/**").access(anyOf(Role.LEARNER))
                .requestMatchers(HttpMethod.GET, "/api/v1/learners/{learnerId}", "/api/v1/learners/{learnerId}/**")
                .access(onLearner(this::mayReadLearner))
                .requestMatchers(HttpMethod.POST, "/api/v1/learners/{learnerId}/outcomes", "/api/v1/outcomes:batch")
                .access(anyOf(Role.OPERATOR, Role.INSTITUTION))
                .requestMatchers(HttpMethod.POST, "/api/v1/learners/{learnerId}/outcomes/{outcomeId}/*")
                .access(this::mayChangeOutcome)
                .requestMatchers(HttpMethod.POST, "/api/v1/learners/{learnerId}/transfers")
                .access(onLearner(AccessPolicy::mayApply))
                .requestMatchers(HttpMethod.GET, "/api/v1/institutions/{code}/transfers")
                .access(this::mayListInstitutionTransfers)
                .requestMatchers(HttpMethod.GET, "/api/v1/transfers/{transferId}").access(this::mayReadTransfer)
                .requestMatchers(HttpMethod.POST, "/api/v1/transfers/{transferId}/approve",
                        "/api/v1/transfers/{transferId}/reject").access(anyOf(Role.INSTITUTION))
                .requestMatchers("/api/v1/audit/**").access(anyOf(Role.REGULATOR, Role.OPERATOR));
    }

    /** The learner behind {@code /me}: only a learner's token names one. */
    public static LearnerId signedInLearner(Caller caller) {
        if (caller.learnerId() == null) {
            throw ApiProblem.forbidden("only a signed-in learner has a /me");
        }
        return caller.learnerId();
    }

    /** Names and national ids: the learner themself, operators and regulators; never an institution. */
    public static boolean maySeeIdentity(Caller caller, LearnerId learner) {
        return caller.has(Role.OPERATOR) || caller.has(Role.REGULATOR) || learner.equals(caller.learnerId());
    }

    /** An operator may record for any issuer; an institution only outcomes it issues itself. */
    public void assertMayIssue(Caller caller, InstitutionCode issuer) {
        if (!mayIssue(caller, issuer)) {
            throw ApiProblem.forbidden(caller.subject() + " may not record outcomes issued by " + issuer);
        }
    }

    private static boolean mayIssue(Caller caller, InstitutionCode issuer) {
        return caller.has(Role.OPERATOR) || caller.has(Role.INSTITUTION) && issuer.equals(caller.institution());
    }

    /** A learner's data: the learner, operators, regulators, and institutions the learner applied to. */
    private boolean mayReadLearner(Caller caller, LearnerId learner) {
        return learner.equals(caller.learnerId()) || caller.has(Role.OPERATOR) || caller.has(Role.REGULATOR)
                || caller.has(Role.INSTITUTION) && caller.institution() != null
                && transfers.hasApplied(learner, caller.institution());
    }

    private static boolean mayApply(Caller caller, LearnerId learner) {
        return learner.equals(caller.learnerId()) || caller.has(Role.OPERATOR);
    }

    /**
     * Void, correct, revoke: an operator, or the institution that issued the outcome. An outcome the reference table
     * does not know is let through, so that the ledger answers UNKNOWN_OUTCOME (or UNKNOWN_LEARNER) itself.
     */
    private AuthorizationDecision mayChangeOutcome(Supplier<? extends Authentication> authentication,
                                                   RequestAuthorizationContext request) {
        return decide(authentication, caller -> {
            if (caller.has(Role.OPERATOR)) {
                return true;
            }
            Optional<InstitutionCode> issuer = parse(() -> issuers.issuerOf(
                    LearnerId.of(request.getVariables().get("learnerId")),
                    OutcomeId.of(request.getVariables().get("outcomeId"))));
            return caller.has(Role.INSTITUTION) && (issuer.isEmpty() || mayIssue(caller, issuer.get()));
        });
    }

    private AuthorizationDecision mayListInstitutionTransfers(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext request) {
        return decide(authentication, caller -> caller.has(Role.REGULATOR) || caller.has(Role.INSTITUTION)
                && caller.institution() != null
                && caller.institution().value().equals(request.getVariables().get("code")));
    }

    /** One application: its learner, the programme's institution, regulators and operators; unknown ones 404. */
    private AuthorizationDecision mayReadTransfer(Supplier<? extends Authentication> authentication,
                                                  RequestAuthorizationContext request) {
        return decide(authentication, caller -> {
            if (caller.has(Role.REGULATOR) || caller.has(Role.OPERATOR)) {
                return true;
            }
            Optional<TransferView> transfer = parse(() -> transfers.find(
                    TransferId.of(request.getVariables().get("transferId"))));
            return transfer.isEmpty() || transfer.get().learnerId().equals(caller.learnerId())
                    || caller.has(Role.INSTITUTION) && transfer.get().institution().equals(caller.institution());
        });
    }

    private static AuthorizationManager<RequestAuthorizationContext> anyOf(Role... roles) {
        return (authentication, request) -> decide(authentication,
                caller -> Arrays.stream(roles).anyMatch(caller::has));
    }

    private static AuthorizationManager<RequestAuthorizationContext> onLearner(BiPredicate<Caller, LearnerId> rule) {
        return (authentication, request) -> decide(authentication, caller -> {
            Optional<LearnerId> learner = parse(() -> Optional.of(LearnerId.of(
                    request.getVariables().get("learnerId"))));
            // a malformed id is let through to be refused as invalid input by the controller, not hidden as 403
            return learner.isEmpty() || rule.test(caller, learner.get());
        });
    }

    private static AuthorizationDecision decide(Supplier<? extends Authentication> authentication,
                                                Predicate<Caller> rule) {
        Authentication current = authentication.get();
        return new AuthorizationDecision(current != null && current.isAuthenticated()
                && current.getPrincipal() instanceof Caller caller && rule.test(caller));
    }

    /** A path value that is not a valid id cannot name anything to protect: empty, and the controller refuses it. */
    private static <T> Optional<T> parse(Supplier<Optional<T>> lookup) {
        try {
            return lookup.get();
        } catch (DomainException malformed) {
            return Optional.empty();
        }
    }
}
