package cn.creditbank.ledger.core.demo;

import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.outcome.OutcomeFacts;
import cn.creditbank.ledger.core.outcome.RecordOutcome;
import cn.creditbank.ledger.core.outcome.VoidOutcome;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LearnerId;
import cn.creditbank.ledger.core.shared.OutcomeId;
import cn.creditbank.ledger.core.shared.Score;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo learners of DOMAIN.md §6: 张三 with outcomes O1–O10 (O9 then voided, 录入错误) and 李四. Their ids are
 * fixed so that loading the demo twice records nothing twice.
 */
public final class DemoLearners {

    public static final LearnerId ZHANGSAN = LearnerId.of("demo-zhangsan");
    public static final LearnerId LISI = LearnerId.of("demo-lisi");

    /** A demo learner: account id, display name and the commands that record their history, in order. */
    public record DemoLearner(LearnerId learnerId, String displayName, String username, List<Object> commands) {
    }

    private DemoLearners() {
    }

    public static List<DemoLearner> all(String recordedBy) {
        return List.of(zhangsan(recordedBy), lisi(recordedBy));
    }

    public static DemoLearner zhangsan(String recordedBy) {
        var o = new Outcomes(ZHANGSAN, recordedBy);
        return new DemoLearner(ZHANGSAN, "张三", "zhangsan", List.of(
                o.certificate("O1", "CSTP-JAVA", "CSIA", "中级", "2024-05-10", "CSTP-J-2024-051001"),
                o.scored("O2", UnitKind.EXAM, "NCRE-2-JAVA", "NEEA", 78, "2023-09-23"),
                o.certificate("O3", "CSTP-DB", "CSIA", "初级", "2022-03-01", "CSTP-D-2022-030101"),
                o.certificate("O4", "AIGC", "ICDC", "专业级", "2025-04-18", "AIGC-2025-041801"),
                o.scored("O5", UnitKind.MODULE, "VOC-AIM-03", "DEMO-VOC", 85, "2025-06-30"),
                o.scored("O6", UnitKind.MODULE, "VOC-AIM-04", "DEMO-VOC", 55, "2025-06-30"),
                o.unscoredTraining("O7", "ZSWC-DS", "ZSWC", "2025-02-28"),
                o.scored("O8", UnitKind.COURSE, "OUC-SE107", "OUC", 81, "2026-01-15"),
                o.scored("O9", UnitKind.COURSE, "OUC-SE108", "OUC", 90, "2026-06-20"),
                new VoidOutcome(ZHANGSAN, OutcomeId.of("O9"), "录入错误", recordedBy),
                o.scored("O10", UnitKind.MODULE, "VOC-AIM-01", "DEMO-VOC", 92, "2025-06-30")));
    }

    public static DemoLearner lisi(String recordedBy) {
        var o = new Outcomes(LISI, recordedBy);
        return new DemoLearner(LISI, "李四", "lisi", List.of(
                o.scored("L1", UnitKind.MODULE, "VOC-AIM-02", "DEMO-VOC", 88, "2025-07-01"),
                o.certificate("L2", "AIGC", "ICDC", "通用级", "2025-09-10", "AIGC-2025-091002")));
    }

    /** Builds one learner's recording commands; the external reference is derived from the outcome id. */
    private record Outcomes(LearnerId learnerId, String recordedBy) {

        RecordOutcome scored(String id, UnitKind kind, String unit, String issuer, int score, String date) {
            return record(id, new OutcomeFacts(kind, UnitCode.of(unit), InstitutionCode.of(issuer), ref(issuer, id),
                    LocalDate.parse(date), Score.of(score), null, null, null, null));
        }

        RecordOutcome unscoredTraining(String id, String unit, String issuer, String date) {
            return record(id, new OutcomeFacts(UnitKind.TRAINING, UnitCode.of(unit), InstitutionCode.of(issuer),
                    ref(issuer, id), LocalDate.parse(date), null, null, null, null, null));
        }

        RecordOutcome certificate(String id, String unit, String issuer, String level, String date, String number) {
            return record(id, new OutcomeFacts(UnitKind.CERTIFICATE, UnitCode.of(unit), InstitutionCode.of(issuer),
                    ref(issuer, id), LocalDate.parse(date), null, null, level, number, null));
        }

        private RecordOutcome record(String id, OutcomeFacts facts) {
            return new RecordOutcome(learnerId, OutcomeId.of(id), facts, recordedBy);
        }

        private String ref(String issuer, String id) {
            return issuer + "-" + learnerId.value() + "-" + id;
        }
    }
}
