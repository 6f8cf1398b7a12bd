package cn.creditbank.ledger.api.transfer;

import cn.creditbank.ledger.api.consistency.LedgerPositions;
import cn.creditbank.ledger.api.credit.LedgerQueries;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.web.Page;
import cn.creditbank.ledger.api.web.PageRequest;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;
import cn.creditbank.ledger.core.transfer.ApproveTransfer;
import cn.creditbank.ledger.core.transfer.RejectTransfer;
import cn.creditbank.ledger.core.transfer.TransferId;
import cn.creditbank.ledger.projections.credit.Evaluation;
import cn.creditbank.ledger.projections.transfer.FindInstitutionTransfers;
import cn.creditbank.ledger.projections.transfer.FindTransfer;
import cn.creditbank.ledger.projections.transfer.TransferPage;
import cn.creditbank.ledger.projections.transfer.TransferStatus;
import cn.creditbank.ledger.projections.transfer.TransferView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Credit-transfer applications (学分转换申请): a learner applies with the evaluation of the day; the programme's
 * institution approves all or some proposed courses, or rejects with a reason. Later voids and revocations of a
 * source outcome flag an approval AFFECTED; nothing is undone silently.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Credit-transfer applications", description = "学分转换申请")
class TransferController {

    @Schema(example = "{\"programmeCode\":\"OUC-SE-DIP\"}")
    record ApplyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String programmeCode,
                        @Schema(description = "the date the evaluation is made for; today when absent")
                        LocalDate asOf) {
    }

    record ApplicationCreated(String transferId, TransferStatus status, Instant evaluatedAt, Evaluation evaluation,
                              long ledgerPosition) {
    }

    @Schema(example = "{\"courseCodes\":[\"OUC-SE106\",\"OUC-SE105\"]}")
    record ApproveRequest(@Schema(description = "all proposed courses when absent") List<String> courseCodes) {
    }

    @Schema(example = "{\"reason\":\"证书等级不符合本专业要求\"}")
    record RejectRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    private final TransferApplicationService applications;
    private final CommandGateway commands;
    private final LedgerQueries queries;
    private final LedgerPositions positions;

    TransferController(TransferApplicationService applications, CommandGateway commands, LedgerQueries queries,
                       LedgerPositions positions) {
        this.applications = applications;
        this.commands = commands;
        this.queries = queries;
        this.positions = positions;
    }

    @PostMapping("/learners/{learnerId}/transfers")
    @Operation(summary = "Apply for credit transfer into a programme with the evaluation of the day")
    @ApiResponse(responseCode = "201", description = "applied; PENDING until the programme's institution decides",
            content = @Content(schema = @Schema(implementation = ApplicationCreated.class)))
    ResponseEntity<ApplicationCreated> apply(@PathVariable LearnerId learnerId, @RequestBody ApplyRequest request,
                                             @Parameter(hidden = true) Caller caller) {
        ProgrammeCode programme = ProgrammeCode.of(request.programmeCode());
        TransferApplicationService.Applied applied = applications.apply(caller, learnerId, programme,
                request.asOf());
        long position = positions.of(applied.transferId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/transfers/" + applied.transferId()))
                .header(LedgerPositions.HEADER, Long.toString(position))
                .body(new ApplicationCreated(applied.transferId().value(), TransferStatus.PENDING,
                        applied.evaluatedAt(), applied.evaluation(), position));
    }

    @GetMapping("/institutions/{code}/transfers")
    @Operation(summary = "Applications to an institution's programmes, newest first")
    Page<TransferView> ofInstitution(@PathVariable InstitutionCode code,
                                     @RequestParam(required = false) TransferStatus status,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        PageRequest request = new PageRequest(page, size);
        TransferPage transfers = queries.ask(new FindInstitutionTransfers(code, status, request.page(),
                request.size()), TransferPage.class);
        return new Page<>(transfers.items(), transfers.page(), transfers.size(), transfers.total());
    }

    @GetMapping("/transfers/{transferId}")
    @Operation(summary = "One application: the evaluation it was made on, the decision, what affected it")
    TransferView transfer(@PathVariable TransferId transferId) {
        return queries.ask(new FindTransfer(transferId), TransferView.class);
    }

    @PostMapping("/transfers/{transferId}/approve")
    @Operation(summary = "Approve all proposed courses, or the given ones (the programme's institution)")
    ResponseEntity<TransferDecided> approve(@PathVariable TransferId transferId,
                                            @RequestBody(required = false) ApproveRequest request,
                                            @Parameter(hidden = true) Caller caller) {
        Set<UnitCode> courses = request == null || request.courseCodes() == null ? Set.of()
                : request.courseCodes().stream().map(UnitCode::of).collect(Collectors.toSet());
        commands.sendAndWait(new ApproveTransfer(transferId, courses, caller.institution(), caller.subject()));
        return decided(transferId, TransferStatus.APPROVED);
    }

    @PostMapping("/transfers/{transferId}/reject")
    @Operation(summary = "Reject an application with a reason (the programme's institution)")
    ResponseEntity<TransferDecided> reject(@PathVariable TransferId transferId, @RequestBody RejectRequest request,
                                           @Parameter(hidden = true) Caller caller) {
        commands.sendAndWait(new RejectTransfer(transferId, request.reason(), caller.institution(),
                caller.subject()));
        return decided(transferId, TransferStatus.REJECTED);
    }

    record TransferDecided(String transferId, TransferStatus status, long ledgerPosition) {
    }

    private ResponseEntity<TransferDecided> decided(TransferId transferId, TransferStatus status) {
        long position = positions.of(transferId);
        return ResponseEntity.ok().header(LedgerPositions.HEADER, Long.toString(position))
                .body(new TransferDecided(transferId.value(), status, position));
    }
}
