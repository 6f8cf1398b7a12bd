package cn.creditbank.ledger.projections.transfer;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the transfer-application queries from the read model (current state; it may lag the ledger briefly). */
@Component
class TransferQueryHandler {

    private final TransferApplications applications;

    TransferQueryHandler(TransferApplications applications) {
        this.applications = applications;
    }

    @QueryHandler
    TransferView handle(FindTransfer query) {
        return applications.find(query.transferId()).orElseThrow(() -> new DomainException(
                ErrorCode.UNKNOWN_TRANSFER, "transfer application " + query.transferId() + " does not exist"));
    }

    @QueryHandler
    TransferPage handle(FindInstitutionTransfers query) {
        return applications.ofInstitution(query.institution(), query.status(), query.page(), query.size());
    }

    @QueryHandler
    List<TransferView> handle(FindLearnerTransfers query) {
        return applications.ofLearner(query.learnerId());
    }
}
