package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static cn.creditbank.ledger.core.catalogue.GradeRequirement.certificateAtLeast;
import static cn.creditbank.ledger.core.catalogue.GradeRequirement.creditsAtLeast;

/** The pieces of the demo catalogue (DOMAIN.md §6) that the write-side tests need, with their Chinese titles. */
public final class TestCatalogue {

    /** Who records catalogue definitions in these tests. */
    public static final String OPERATOR = "operator-01";

    /** Every demo institution is accredited for its own units from this date. */
    public static final LocalDate ACCREDITED_FROM = LocalDate.of(2020, 1, 1);

    public static final InstitutionCode OUC = InstitutionCode.of("OUC");
    public static final InstitutionCode CSIA = InstitutionCode.of("CSIA");
    public static final InstitutionCode ICDC = InstitutionCode.of("ICDC");
    public static final InstitutionCode NEEA = InstitutionCode.of("NEEA");
    public static final InstitutionCode DEMO_VOC = InstitutionCode.of("DEMO-VOC");
    public static final InstitutionCode ZSWC = InstitutionCode.of("ZSWC");

    public static final UnitCode CSTP_JAVA = UnitCode.of("CSTP-JAVA");
    public static final UnitCode AIGC = UnitCode.of("AIGC");
    public static final UnitCode NCRE_2_JAVA = UnitCode.of("NCRE-2-JAVA");
    public static final UnitCode VOC_AIM_03 = UnitCode.of("VOC-AIM-03");
    public static final UnitCode ZSWC_DS = UnitCode.of("ZSWC-DS");
    public static final UnitCode OUC_SE101 = UnitCode.of("OUC-SE101");
    public static final UnitCode OUC_SE110 = UnitCode.of("OUC-SE110");

    public static final ProgrammeCode OUC_SE_DIP = ProgrammeCode.of("OUC-SE-DIP");
    public static final RuleId R_CSTP_JAVA = RuleId.of("R-CSTP-JAVA");
    public static final LadderCode AI_TRAINER = LadderCode.of("AI-TRAINER");

    public static final InstitutionDefinition OUC_INSTITUTION =
            institution("国家开放大学", InstitutionKind.UNIVERSITY, OUC_SE101, OUC_SE110);
    public static final InstitutionDefinition CSIA_INSTITUTION =
            institution("中国软件行业协会", InstitutionKind.ASSESSMENT_BODY, CSTP_JAVA);
    public static final InstitutionDefinition ICDC_INSTITUTION =
            institution("工业和信息化部工业文化发展中心", InstitutionKind.ASSESSMENT_BODY, AIGC);
    public static final InstitutionDefinition NEEA_INSTITUTION =
            institution("教育部教育考试院", InstitutionKind.ASSESSMENT_BODY, NCRE_2_JAVA);
    public static final InstitutionDefinition DEMO_VOC_INSTITUTION =
            institution("示例职业技术学院", InstitutionKind.VOCATIONAL_COLLEGE, VOC_AIM_03);
    public static final InstitutionDefinition ZSWC_INSTITUTION =
            institution("中山市工人文化宫", InstitutionKind.TRAINING_PROVIDER, ZSWC_DS);

    public static final UnitDefinition CSTP_JAVA_UNIT = certificate(CSIA, "CSTP Java开发工程师", 3,
            level("初级", "4"), level("中级", "8"), level("高级", "12"));
    public static final UnitDefinition AIGC_UNIT = certificate(ICDC, "人工智能AIGC岗位能力证书", 3,
            level("通用级", "2"), level("专业级", "4"), level("导师级", "6"), level("专家级", "8"));
    public static final UnitDefinition NCRE_2_JAVA_UNIT = unit(NEEA, UnitKind.EXAM, "全国计算机等级考试二级Java", null, "4");
    public static final UnitDefinition VOC_AIM_03_UNIT = unit(DEMO_VOC, UnitKind.MODULE, "数据分析与可视化", 30, "2");
    /** No credits given: 16 h ÷ 16 = 1.0. */
    public static final UnitDefinition ZSWC_DS_UNIT = unit(ZSWC, UnitKind.TRAINING, "DeepSeek人工智能实战应用", 16, null);
    public static final UnitDefinition OUC_SE101_UNIT = unit(OUC, UnitKind.COURSE, "程序设计基础", null, "4");
    public static final UnitDefinition OUC_SE110_UNIT = unit(OUC, UnitKind.COURSE, "面向对象程序设计", null, "4");

    /** OUC-SE-DIP with two of its sixteen courses: enough for rules that target SE101 and SE110. */
    public static final ProgrammeDefinition OUC_SE_DIP_PROGRAMME = new ProgrammeDefinition(OUC, "软件工程（专科）", null,
            Award.DIPLOMA, Credits.of("60"),
            List.of(new ProgrammeCourse(OUC_SE101, "程序设计基础", Credits.of("4"), true, true),
                    new ProgrammeCourse(OUC_SE110, "面向对象程序设计", Credits.of("4"), true, true)),
            new TransferPolicy(new BigDecimal("0.35"), 5, BigDecimal.valueOf(60)));

    /** R-CSTP-JAVA: CSTP-JAVA ≥ 中级 → SE101 + SE110, from 2024-01-01. */
    public static final ConversionRuleDefinition R_CSTP_JAVA_RULE = new ConversionRuleDefinition(OUC_SE_DIP, CSTP_JAVA,
            "中级", null, List.of(OUC_SE101, OUC_SE110), Period.from(LocalDate.of(2024, 1, 1)));

    public static final GradeLadderDefinition AI_TRAINER_LADDER = new GradeLadderDefinition("人工智能训练师", null, List.of(
            new Grade("初级工", List.of(certificateAtLeast(AIGC, "通用级"))),
            new Grade("中级工", List.of(certificateAtLeast(AIGC, "专业级"))),
            new Grade("高级工", List.of(certificateAtLeast(AIGC, "导师级"),
                    creditsAtLeast(Set.of(UnitKind.MODULE, UnitKind.TRAINING), Credits.of("6")))),
            new Grade("技师", List.of(certificateAtLeast(AIGC, "专家级")))));

    private TestCatalogue() {
    }

    /** A fresh catalogue holding version 1 of every institution, unit and programme above. */
    public static InMemoryCatalogue catalogue() {
        return new InMemoryCatalogue()
                .withInstitution(OUC, OUC_INSTITUTION)
                .withInstitution(CSIA, CSIA_INSTITUTION)
                .withInstitution(ICDC, ICDC_INSTITUTION)
                .withInstitution(NEEA, NEEA_INSTITUTION)
                .withInstitution(DEMO_VOC, DEMO_VOC_INSTITUTION)
                .withInstitution(ZSWC, ZSWC_INSTITUTION)
                .withUnit(CSTP_JAVA, CSTP_JAVA_UNIT)
                .withUnit(AIGC, AIGC_UNIT)
                .withUnit(NCRE_2_JAVA, NCRE_2_JAVA_UNIT)
                .withUnit(VOC_AIM_03, VOC_AIM_03_UNIT)
                .withUnit(ZSWC_DS, ZSWC_DS_UNIT)
                .withUnit(OUC_SE101, OUC_SE101_UNIT)
                .withUnit(OUC_SE110, OUC_SE110_UNIT)
                .withProgramme(OUC_SE_DIP, OUC_SE_DIP_PROGRAMME);
    }

    public static InstitutionDefinition institution(String nameZh, InstitutionKind kind, UnitCode... accreditedUnits) {
        return new InstitutionDefinition(nameZh, null, kind, Arrays.stream(accreditedUnits)
                .map(unit -> new Accreditation(unit, Period.from(ACCREDITED_FROM)))
                .toList());
    }

    /** A COURSE, MODULE, EXAM or TRAINING unit; {@code credits} may be null to derive them from the hours. */
    public static UnitDefinition unit(InstitutionCode issuer, UnitKind kind, String titleZh, Integer classHours,
                                      String credits) {
        return new UnitDefinition(issuer, kind, titleZh, null, classHours,
                credits == null ? null : Credits.of(credits), null, null, null, null);
    }

    public static UnitDefinition certificate(InstitutionCode issuer, String titleZh, int validityYears,
                                             CertificateLevel... levels) {
        return new UnitDefinition(issuer, UnitKind.CERTIFICATE, titleZh, null, null, null, null, List.of(levels),
                validityYears, null);
    }

    public static CertificateLevel level(String name, String credits) {
        return new CertificateLevel(name, Credits.of(credits));
    }
}
