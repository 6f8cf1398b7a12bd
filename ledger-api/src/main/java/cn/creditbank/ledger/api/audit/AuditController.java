package cn.creditbank.ledger.api.audit;

import cn.creditbank.ledger.api.web.Page;
import cn.creditbank.ledger.api.web.PageRequest;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.projections.audit.AuditCheckpoints;
import cn.creditbank.ledger.projections.audit.AuditExport;
import cn.creditbank.ledger.projections.audit.AuditFilter;
import cn.creditbank.ledger.projections.audit.AuditSigningKeys;
import cn.creditbank.ledger.projections.audit.AuditVerifier;
import cn.creditbank.ledger.projections.audit.ChainVerification;
import cn.creditbank.ledger.projections.audit.Checkpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tamper-evident audit trail (审计): the chained events as NDJSON for offline verification, the online
 * verification, the signed checkpoints and the public keys that check them. Read-only; access (REGULATOR, OPERATOR)
 * is enforced by the security filter chain for all of {@code /api/v1/audit}.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "审计：事件、哈希链、签名检查点、投影重放")
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 1_000_000;

    /** One export line, for the OpenAPI document only: the lines are written by {@link AuditExport}. */
    @Schema(name = "AuditEventLine", description = "One line of the export, fields in exactly this order. payload and "
            + "metadata are the stored JSON embedded unchanged; recordedBy, institution and requestId repeat the "
            + "metadata's principal, institution and requestId (null for events recorded before they were stamped).")
    record EventLine(long position, long chainSequence, String eventId, String type, String revision,
                     String aggregateId, long sequence, String recordedAt, String recordedBy, String institution,
                     String requestId, Object payload, Object metadata, String hash, String previousHash) {
    }

    record CheckpointItem(long chainSequence, long position, String hash,
                          @Schema(description = "exactly as signed (Instant.toString())", format = "date-time")
                          String signedAt, String signature, String keyId) {

        static CheckpointItem of(Checkpoint checkpoint) {
            return new CheckpointItem(checkpoint.chainSequence(), checkpoint.position(), checkpoint.hash(),
                    checkpoint.signedAt().toString(), checkpoint.signature(), checkpoint.keyId());
        }
    }

    /** An Ed25519 public key as RFC 8037 writes it in a JWK. */
    record Jwk(String kty, String crv, String x, String kid, String use, String alg) {
    }

    record JwkSet(List<Jwk> keys) {
    }

    private final AuditExport export;
    private final AuditVerifier verifier;
    private final AuditCheckpoints checkpoints;
    private final AuditSigningKeys keys;
    private final Duration exportTimeout;

    AuditController(AuditExport export, AuditVerifier verifier, AuditCheckpoints checkpoints, AuditSigningKeys keys,
                    @Value("${ledger.audit.export-timeout:1h}") Duration exportTimeout) {
        this.export = export;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.keys = keys;
        this.exportTimeout = exportTimeout;
    }

    @GetMapping("/events")
    @Operation(summary = "Export the chained events as NDJSON, one event a line in chain order",
            description = "Streamed: a million-event export is fine. Each line carries the fields the hash chain "
                    + "covers, so the export can be verified offline (`ledger-api.jar audit verify`). Events are "
                    + "chained within about a second of being stored; newer ones are not in the export yet. To "
                    + "continue an export cut by the limit, pass the last line's chainSequence as afterPosition.")
    @ApiResponse(responseCode = "200", description = "one JSON object per line",
            content = @Content(mediaType = "application/x-ndjson",
                    schema = @Schema(implementation = EventLine.class)))
    ResponseEntity<StreamingResponseBody> events(
            @Parameter(description = "events of this learner's account, and events naming the learner "
                    + "(transfer applications)") @RequestParam(required = false) LearnerId learnerId,
            @Parameter(description = "events recorded by this institution's clients, or naming it as issuer or "
                    + "institution") @RequestParam(required = false) InstitutionCode institution,
            @Parameter(description = "recorded at or after this instant") @RequestParam(required = false) Instant from,
            @Parameter(description = "recorded before this instant") @RequestParam(required = false) Instant to,
            @Parameter(description = "only events with a chainSequence greater than this (the chain's order, not "
                    + "the ledger position): resume after the last line received")
            @RequestParam(required = false) Long afterPosition,
            @Parameter(description = "at most this many events, 1 to 1000000")
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
            HttpServletRequest request) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT,
                    "limit");
        }
        if (afterPosition != null && afterPosition < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "afterPosition must not be negative",
                    "afterPosition");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "to must be after from", "to");
        }
        AuditFilter filter = new AuditFilter(learnerId == null ? null : learnerId.value(),
                institution == null ? null : institution.value(), from, to,
                afterPosition == null ? 0 : afterPosition, limit);
        ExportTimeout.extend(request, exportTimeout);
        return ResponseEntity.ok().contentType(NDJSON).body(out -> export.write(filter, out));
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the hash chain from the stored events and check the signed checkpoints",
            description = "Without bounds the whole chain, every checkpoint and every event the chainer has passed. "
                    + "With bounds, the stretch of the chain from the first link at or after fromPosition to the last "
                    + "link at or before toPosition, joined to the link before it. firstMismatch names the first "
                    + "problem in chain order: HASH_MISMATCH, EVENT_MISSING, EVENT_NOT_CHAINED, CHECKPOINT_MISMATCH "
                    + "or BAD_SIGNATURE; headPosition and headHash are the last link verified.")
    ChainVerification verify(@RequestParam(required = false) Long fromPosition,
                             @RequestParam(required = false) Long toPosition) {
        if (fromPosition != null && fromPosition < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "fromPosition must not be negative",
                    "fromPosition");
        }
        if (toPosition != null && toPosition < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "toPosition must not be negative", "toPosition");
        }
        if (fromPosition != null && toPosition != null && fromPosition > toPosition) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "toPosition must not be below fromPosition",
                    "toPosition");
        }
        return verifier.verify(fromPosition, toPosition);
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "The signed checkpoints, in chain order",
            description = "Each is an Ed25519 signature (base64url) by the key keyId of the text "
                    + "`credit-bank-checkpoint-v1|chainSequence|position|hash|signedAt`.")
    Page<CheckpointItem> checkpoints(@RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        return new Page<>(checkpoints.page(request.offset(), request.size()).stream().map(CheckpointItem::of).toList(),
                request.page(), request.size(), checkpoints.count());
    }

    @GetMapping("/keys")
    @Operation(summary = "The public keys of the checkpoints as a JWK set, retired keys included")
    JwkSet keys() {
        return new JwkSet(keys.published().stream()
                .map(key -> new Jwk("OKP", "Ed25519", key.x(), key.keyId(), "sig", "EdDSA")).toList());
    }
}
