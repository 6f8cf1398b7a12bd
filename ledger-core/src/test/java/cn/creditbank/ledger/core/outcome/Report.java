package cn.creditbank.ledger.core.outcome;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;
import java.util.function.Consumer;

import static cn.creditbank.ledger.core.catalogue.TestCatalogue.*;
import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.LEARNER;
import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.RECORDED_BY;
import static cn.creditbank.ledger.core.outcome.LearnerAccountTesting.id;

/**
 * What an issuer reports about one outcome (the {@link OutcomeFacts}), starting from a demo outcome and changed one
 * field at a time. It makes the command that records it and the event a recording gives; the judgement in that
 * event (passed, credits, validity) is always stated by the test, never computed here.
 */
record Report(OutcomeFacts facts) {

    static final boolean PASSED = true;
    static final boolean FAILED = false;
    static final boolean DERIVED = true;
    static final boolean GIVEN = false;

    /** A CSTP-JAVA certificate from CSIA (demo O1 when 中级 on 2024-05-10). */
    static Report certificate(String level, String date) {
        return new Report(new OutcomeFacts(UnitKind.CERTIFICATE, CSTP_JAVA, CSIA, "CSIA-2024-000123",
                LocalDate.parse(date), null, null, level, "CSTP-J-2024-000123", null));
    }

    /** An NCRE-2-JAVA result from NEEA (demo O2 when 78 on 2023-09-23). */
    static Report exam(Integer score, String date) {
        return new Report(new OutcomeFacts(UnitKind.EXAM, NCRE_2_JAVA, NEEA, "NEEA-202309-88001",
                LocalDate.parse(date), scoreOf(score), null, null, null, null));
    }

    /** A VOC-AIM-03 module of 30 h from DEMO-VOC (demo O5 when 85 on 2025-06-30). */
    static Report module(Integer score, String date) {
        return new Report(new OutcomeFacts(UnitKind.MODULE, VOC_AIM_03, DEMO_VOC, "DV-2025-AIM03-017",
                LocalDate.parse(date), scoreOf(score), 30, null, null, null));
    }

    /** A ZSWC-DS training of 16 h without a score (demo O7 on 2025-02-28). */
    static Report training(String date) {
        return new Report(new OutcomeFacts(UnitKind.TRAINING, ZSWC_DS, ZSWC, "ZSWC-DS-2025-0042",
                LocalDate.parse(date), null, 16, null, null, null));
    }

    /** An OUC-SE101 course of OUC. */
    static Report course(Integer score, String date) {
        return new Report(new OutcomeFacts(UnitKind.COURSE, OUC_SE101, OUC, "OUC-2026S-SE101-0007",
                LocalDate.parse(date), scoreOf(score), null, null, null, null));
    }

    Report kind(UnitKind kind) {
        return with(f -> f.kind = kind);
    }

    Report unit(UnitCode unit) {
        return with(f -> f.unitCode = unit);
    }

    Report issuer(InstitutionCode issuer) {
        return with(f -> f.issuer = issuer);
    }

    Report externalRef(String externalRef) {
        return with(f -> f.externalRef = externalRef);
    }

    Report date(String date) {
        return with(f -> f.date = LocalDate.parse(date));
    }

    Report score(Integer score) {
        return with(f -> f.score = scoreOf(score));
    }

    Report hours(Integer hours) {
        return with(f -> f.hours = hours);
    }

    Report level(String level) {
        return with(f -> f.level = level);
    }

    Report certificateNo(String certificateNo) {
        return with(f -> f.certificateNo = certificateNo);
    }

    Report validUntil(String validUntil) {
        return with(f -> f.validUntil = validUntil == null ? null : LocalDate.parse(validUntil));
    }

    RecordOutcome recordAs(String outcomeId) {
        return new RecordOutcome(LEARNER, id(outcomeId), facts, RECORDED_BY);
    }

    CompletionRecorded completedAs(String outcomeId, boolean passed, String credits) {
        var f = facts;
        return new CompletionRecorded(LEARNER, id(outcomeId), f.kind(), f.unitCode(), 1, f.issuer(), f.externalRef(),
                f.date(), f.score(), f.hours(), passed, Credits.of(credits), RECORDED_BY);
    }

    ExamResultRecorded examAs(String outcomeId, boolean passed, String credits) {
        return examAs(outcomeId, 1, passed, credits);
    }

    ExamResultRecorded examAs(String outcomeId, int unitVersion, boolean passed, String credits) {
        var f = facts;
        return new ExamResultRecorded(LEARNER, id(outcomeId), f.unitCode(), unitVersion, f.issuer(), f.externalRef(),
                f.date(), f.score(), passed, Credits.of(credits), RECORDED_BY);
    }

    CertificateAwarded awardedAs(String outcomeId, String credits, String validUntil, boolean validUntilDerived) {
        var f = facts;
        return new CertificateAwarded(LEARNER, id(outcomeId), f.unitCode(), 1, f.issuer(), f.externalRef(), f.date(),
                f.level(), f.certificateNo(), LocalDate.parse(validUntil), validUntilDerived, Credits.of(credits),
                RECORDED_BY);
    }

    private static Score scoreOf(Integer score) {
        return score == null ? null : Score.of(score);
    }

    private Report with(Consumer<Fields> change) {
        var fields = new Fields(facts);
        change.accept(fields);
        return new Report(fields.facts());
    }

    /** The facts' fields, to change one before building the facts again. */
    private static final class Fields {
        UnitKind kind;
        UnitCode unitCode;
        InstitutionCode issuer;
        String externalRef;
        LocalDate date;
        Score score;
        Integer hours;
        String level;
        String certificateNo;
        LocalDate validUntil;

        Fields(OutcomeFacts f) {
            kind = f.kind();
            unitCode = f.unitCode();
            issuer = f.issuer();
            externalRef = f.externalRef();
            date = f.date();
            score = f.score();
            hours = f.hours();
            level = f.level();
            certificateNo = f.certificateNo();
            validUntil = f.validUntil();
        }

        OutcomeFacts facts() {
            return new OutcomeFacts(kind, unitCode, issuer, externalRef, date, score, hours, level, certificateNo,
                    validUntil);
        }
    }
}
