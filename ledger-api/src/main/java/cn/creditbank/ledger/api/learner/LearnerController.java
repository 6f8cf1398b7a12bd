package cn.creditbank.ledger.api.learner;

import cn.creditbank.ledger.api.access.AccessPolicy;
import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.security.Role;
import cn.creditbank.ledger.api.web.Page;
import cn.creditbank.ledger.api.web.PageRequest;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.identity.LearnerIdentity;
import cn.creditbank.ledger.projections.identity.LearnerIdentityStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/**
 * Learning accounts (学习账户). The ledger knows a learner only by id; names and national ids live in the identity
 * table, shown to the learner, operators and regulators only.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Learner accounts", description = "学习账户")
class LearnerController {

    @Schema(example = """
            {"displayName":"王五","nationalId":"110101199003071234","externalRef":"HR-2026-0042"}""")
    record OpenAccountRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String displayName,
                              String nationalId, String externalRef) {
    }

    record AccountOpened(String learnerId, long ledgerPosition) {
    }

    /** A learner as listed; the identity fields are absent for callers who may not see them. */
    record LearnerSummary(String learnerId, String displayName, String nationalId, String externalRef,
                          Instant openedAt) {

        static LearnerSummary of(LearnerIdentity identity, boolean withIdentity) {
            return new LearnerSummary(identity.learnerId().value(), withIdentity ? identity.displayName() : null,
                    withIdentity ? identity.nationalId() : null, withIdentity ? identity.externalRef() : null,
                    identity.openedAt());
        }
    }

    private final LearnerOnboarding onboarding;
    private final LearnerIdentityStore identities;
    private final LedgerPositions positions;

    LearnerController(LearnerOnboarding onboarding, LearnerIdentityStore identities, LedgerPositions positions) {
        this.onboarding = onboarding;
        this.identities = identities;
        this.positions = positions;
    }

    @PostMapping("/learners")
    @Operation(summary = "Open a learning account; personal data stays out of the event store")
    @ApiResponse(responseCode = "201", description = "opened",
            content = @Content(schema = @Schema(implementation = AccountOpened.class)))
    ResponseEntity<AccountOpened> open(@RequestBody OpenAccountRequest request,
                                       @Parameter(hidden = true) Caller caller) {
        LearnerId learner = onboarding.open(request.displayName(), blankToNull(request.nationalId()),
                blankToNull(request.externalRef()), caller.subject());
        long position = positions.of(learner);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/learners/" + learner))
                .header(LedgerPositions.HEADER, Long.toString(position))
                .body(new AccountOpened(learner.value(), position));
    }

    @GetMapping("/learners")
    @Operation(summary = "Search learners by display name or external reference (operators and regulators)")
    Page<LearnerSummary> search(@RequestParam(required = false) String q,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return new Page<>(identities.search(q, request.offset(), request.size()).stream()
                .map(identity -> LearnerSummary.of(identity, true)).toList(),
                request.page(), request.size(), identities.count(q));
    }

    @GetMapping("/learners/{learnerId}")
    @Operation(summary = "One learner; name and identity only for the learner, operators and regulators")
    LearnerSummary learner(@PathVariable LearnerId learnerId, @Parameter(hidden = true) Caller caller) {
        LearnerIdentity identity = identities.find(learnerId).orElseThrow(() ->
                new DomainException(ErrorCode.UNKNOWN_LEARNER, "learner " + learnerId + " has no account"));
        return LearnerSummary.of(identity, AccessPolicy.maySeeIdentity(caller, learnerId));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in learner")
    LearnerSummary me(@Parameter(hidden = true) Caller caller) {
        return learner(AccessPolicy.signedInLearner(caller), caller);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
