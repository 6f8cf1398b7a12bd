package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;

/**
 * What the three "outcome recorded" events share. Each carries the unit version it was judged against and the
 * credits that judgement gave, so that projections and auditors never have to re-derive them.
 */
public sealed interface OutcomeRecorded permits CompletionRecorded, ExamResultRecorded, CertificateAwarded {

    LearnerId learnerId();

    OutcomeId outcomeId();

    UnitKind kind();

    UnitCode unitCode();

    int unitVersion();

    InstitutionCode issuer();

    String externalRef();

    LocalDate date();

    Credits credits();

    String recordedBy();
}
