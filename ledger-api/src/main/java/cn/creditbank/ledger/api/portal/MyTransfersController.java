package cn.creditbank.ledger.api.portal;

import cn.creditbank.ledger.api.access.AccessPolicy;
import cn.creditbank.ledger.api.security.Caller;
import cn.creditbank.ledger.api.web.Page;
import cn.creditbank.ledger.api.web.PageRequest;
import cn.creditbank.ledger.projections.transfer.TransferApplications;
import cn.creditbank.ledger.projections.transfer.TransferView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in learner's own credit-transfer applications, so that the portal can show where each stands; API.md
 * has no other way for a learner to find them (additive; a LEARNER's, like every {@code /me} path).
 */
@RestController
@Tag(name = "Credit-transfer applications", description = "学分转换申请")
class MyTransfersController {

    private final TransferApplications transfers;

    MyTransfersController(TransferApplications transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/api/v1/me/transfers")
    @Operation(summary = "The signed-in learner's transfer applications, newest first")
    Page<TransferView> myTransfers(@Parameter(hidden = true) Caller caller,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return Page.of(transfers.ofLearner(AccessPolicy.signedInLearner(caller)), new PageRequest(page, size));
    }
}
