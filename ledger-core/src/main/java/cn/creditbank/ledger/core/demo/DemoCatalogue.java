package cn.creditbank.ledger.core.demo;

import cn.creditbank.ledger.core.catalogue.Accreditation;
import cn.creditbank.ledger.core.catalogue.Award;
import cn.creditbank.ledger.core.catalogue.CertificateLevel;
import cn.creditbank.ledger.core.catalogue.ConversionRuleDefinition;
import cn.creditbank.ledger.core.catalogue.DefineConversionRule;
import cn.creditbank.ledger.core.catalogue.DefineGradeLadder;
import cn.creditbank.ledger.core.catalogue.DefineInstitution;
import cn.creditbank.ledger.core.catalogue.DefineProgramme;
import cn.creditbank.ledger.core.catalogue.DefineUnit;
import cn.creditbank.ledger.core.catalogue.Grade;
import cn.creditbank.ledger.core.catalogue.GradeLadderDefinition;
import cn.creditbank.ledger.core.catalogue.GradeRequirement;
import cn.creditbank.ledger.core.catalogue.InstitutionDefinition;
import cn.creditbank.ledger.core.catalogue.InstitutionKind;
import cn.creditbank.ledger.core.catalogue.Period;
import cn.creditbank.ledger.core.catalogue.ProgrammeCourse;
import cn.creditbank.ledger.core.catalogue.ProgrammeDefinition;
import cn.creditbank.ledger.core.catalogue.TransferPolicy;
import cn.creditbank.ledger.core.catalogue.UnitDefinition;
import cn.creditbank.ledger.core.catalogue.UnitKind;
import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.LadderCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.RuleId;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo catalogue of DOMAIN.md §6, as the commands an operator would send, in dependency order
 * (institutions, units, programmes, rules, ladders). Used by the demo loader and by tests of every module.
 */
public final class DemoCatalogue {

    public static final ProgrammeCode SOFTWARE_DIPLOMA = ProgrammeCode.of("OUC-SE-DIP");
    public static final ProgrammeCode AI_MANUFACTURING_MICRO = ProgrammeCode.of("DEMO-VOC-AIM");
    public static final LadderCode AI_TRAINER = LadderCode.of("AI-TRAINER");
    static final LocalDate ACCREDITED_FROM = LocalDate.of(2020, 1, 1);

    private final String recordedBy;
    private final List<DefineUnit> units = new ArrayList<>();

    private DemoCatalogue(String recordedBy) {
        this.recordedBy = recordedBy;
    }

    /** Every command of the demo catalogue, in the order they must be sent. */
    public static List<Object> commands(String recordedBy) {
        return new DemoCatalogue(recordedBy).build();
    }

    private List<Object> build() {
        defineUnits();
        var commands = new ArrayList<Object>(institutions());
        commands.addAll(units);
        commands.add(softwareDiploma());
        commands.add(aiManufacturingMicro());
        commands.addAll(rules());
        commands.add(aiTrainerLadder());
        return commands;
    }

    private void defineUnits() {
        certificate("CSTP-JAVA", "CSIA", "CSTP Java开发工程师", "CSTP Java Developer",
                level("初级", "4"), level("中级", "8"), level("高级", "12"));
        certificate("CSTP-DB", "CSIA", "CSTP 数据库管理工程师", "CSTP Database Administrator",
                level("初级", "4"), level("中级", "6"));
        certificate("AIGC", "ICDC", "人工智能AIGC岗位能力证书", "AIGC Job Competence Certificate",
                level("通用级", "2"), level("专业级", "4"), level("导师级", "6"), level("专家级", "8"));
        unit("NCRE-2-JAVA", "NEEA", UnitKind.EXAM, "全国计算机等级考试二级Java", "NCRE Level 2 Java", null, "4");
        unit("VOC-AIM-01", "DEMO-VOC", UnitKind.MODULE, "工业视觉质检", "Industrial Visual Inspection", 24, "1.5");
        unit("VOC-AIM-02", "DEMO-VOC", UnitKind.MODULE, "智能语音客服", "Intelligent Voice Customer Service", 16, "1");
        unit("VOC-AIM-03", "DEMO-VOC", UnitKind.MODULE, "数据分析与可视化", "Data Analysis and Visualisation", 30, "2");
        unit("VOC-AIM-04", "DEMO-VOC", UnitKind.MODULE, "AI伦理与安全", "AI Ethics and Safety", 16, "1");
        unit("VOC-AIM-05", "DEMO-VOC", UnitKind.MODULE, "人机协作运维", "Human-Machine Collaborative Operations", 24, "1.5");
        unit("ZSWC-DS", "ZSWC", UnitKind.TRAINING, "DeepSeek人工智能实战应用", "DeepSeek AI in Practice", 16, null);
        for (DiplomaCourse course : DiplomaCourse.values()) {
            unit(course.code().value(), "OUC", UnitKind.COURSE, course.titleZh, null, null, course.credits);
        }
    }

    private List<DefineInstitution> institutions() {
        Map<String, List<String>> unitsByIssuer = new LinkedHashMap<>();
        units.forEach(u -> unitsByIssuer.computeIfAbsent(u.definition().issuer().value(), k -> new ArrayList<>())
                .add(u.code().value()));
        return List.of(
                institution("OUC", "国家开放大学", "The Open University of China", InstitutionKind.UNIVERSITY, unitsByIssuer),
                institution("CSIA", "中国软件行业协会", "China Software Industry Association",
                        InstitutionKind.ASSESSMENT_BODY, unitsByIssuer),
                institution("ICDC", "工业和信息化部工业文化发展中心", "MIIT Industrial Culture Development Center",
                        InstitutionKind.ASSESSMENT_BODY, unitsByIssuer),
                institution("NEEA", "教育部教育考试院", "National Education Examinations Authority",
                        InstitutionKind.ASSESSMENT_BODY, unitsByIssuer),
                institution("DEMO-VOC", "示例职业技术学院", "Demo Vocational and Technical College",
                        InstitutionKind.VOCATIONAL_COLLEGE, unitsByIssuer),
                institution("ZSWC", "中山市工人文化宫", "Zhongshan Workers' Cultural Palace",
                        InstitutionKind.TRAINING_PROVIDER, unitsByIssuer));
    }

    private DefineInstitution institution(String code, String nameZh, String nameEn, InstitutionKind kind,
                                          Map<String, List<String>> unitsByIssuer) {
        List<Accreditation> accreditations = unitsByIssuer.getOrDefault(code, List.of()).stream()
                .map(unit -> new Accreditation(UnitCode.of(unit), Period.from(ACCREDITED_FROM)))
                .toList();
        return new DefineInstitution(InstitutionCode.of(code),
                new InstitutionDefinition(nameZh, nameEn, kind, accreditations), recordedBy);
    }

    private DefineProgramme softwareDiploma() {
        List<ProgrammeCourse> courses = Arrays.stream(DiplomaCourse.values())
                .map(c -> new ProgrammeCourse(c.code(), c.titleZh, Credits.of(c.credits), c.compulsory, c.exemptable))
                .toList();
        return new DefineProgramme(SOFTWARE_DIPLOMA, new ProgrammeDefinition(InstitutionCode.of("OUC"),
                "软件工程（专科）", "Software Engineering (Diploma)", Award.DIPLOMA, Credits.of("60"), courses,
                new TransferPolicy(new BigDecimal("0.35"), 5, BigDecimal.valueOf(60))), recordedBy);
    }

    private DefineProgramme aiManufacturingMicro() {
        List<ProgrammeCourse> courses = units.stream()
                .filter(u -> u.code().value().startsWith("VOC-AIM-"))
                .map(u -> new ProgrammeCourse(u.code(), u.definition().titleZh(), u.definition().creditsPerPass(),
                        false, true))
                .toList();
        return new DefineProgramme(AI_MANUFACTURING_MICRO, new ProgrammeDefinition(InstitutionCode.of("DEMO-VOC"),
                "AI+制造 微专业", "AI + Manufacturing Micro-major", Award.MICRO_CREDENTIAL, Credits.of("6"), courses,
                TransferPolicy.none()), recordedBy);
    }

    private List<DefineConversionRule> rules() {
        LocalDate from2024 = LocalDate.of(2024, 1, 1);
        return List.of(
                rule("R-CSTP-JAVA", "CSTP-JAVA", "中级", null, from2024, "OUC-SE101", "OUC-SE110"),
                rule("R-CSTP-DB", "CSTP-DB", "初级", null, from2024, "OUC-SE102"),
                rule("R-AIGC", "AIGC", "专业级", null, LocalDate.of(2024, 6, 1), "OUC-SE105"),
                rule("R-AIGC-PRJ", "AIGC", "导师级", null, from2024, "OUC-SE115"),
                rule("R-NCRE", "NCRE-2-JAVA", null, 60, LocalDate.of(2023, 1, 1), "OUC-SE101"),
                rule("R-VOC-DA", "VOC-AIM-03", null, 70, from2024, "OUC-SE106"),
                rule("R-VOC-ETH", "VOC-AIM-04", null, null, from2024, "OUC-SE112"),
                rule("R-ZSWC-DS", "ZSWC-DS", null, null, LocalDate.of(2025, 3, 1), "OUC-SE105"));
    }

    private DefineConversionRule rule(String id, String source, String minimumLevel, Integer minimumScore,
                                      LocalDate from, String... targets) {
        return new DefineConversionRule(RuleId.of(id), new ConversionRuleDefinition(SOFTWARE_DIPLOMA,
                UnitCode.of(source), minimumLevel, minimumScore == null ? null : BigDecimal.valueOf(minimumScore),
                Arrays.stream(targets).map(UnitCode::of).toList(), Period.from(from)), recordedBy);
    }

    private DefineGradeLadder aiTrainerLadder() {
        UnitCode aigc = UnitCode.of("AIGC");
        return new DefineGradeLadder(AI_TRAINER, new GradeLadderDefinition("人工智能训练师", "AI Trainer", List.of(
                new Grade("初级工", List.of(GradeRequirement.certificateAtLeast(aigc, "通用级"))),
                new Grade("中级工", List.of(GradeRequirement.certificateAtLeast(aigc, "专业级"))),
                new Grade("高级工", List.of(GradeRequirement.certificateAtLeast(aigc, "导师级"),
                        GradeRequirement.creditsAtLeast(Set.of(UnitKind.MODULE, UnitKind.TRAINING), Credits.of("6")))),
                new Grade("技师", List.of(GradeRequirement.certificateAtLeast(aigc, "专家级"))))), recordedBy);
    }

    private void certificate(String code, String issuer, String titleZh, String titleEn, CertificateLevel... levels) {
        units.add(new DefineUnit(UnitCode.of(code), new UnitDefinition(InstitutionCode.of(issuer), UnitKind.CERTIFICATE,
                titleZh, titleEn, null, null, null, List.of(levels), 3, null), recordedBy));
    }

    private void unit(String code, String issuer, UnitKind kind, String titleZh, String titleEn, Integer hours,
                      String credits) {
        units.add(new DefineUnit(UnitCode.of(code), new UnitDefinition(InstitutionCode.of(issuer), kind, titleZh,
                titleEn, hours, credits == null ? null : Credits.of(credits), null, List.of(), null, null), recordedBy));
    }

    private static CertificateLevel level(String name, String credits) {
        return new CertificateLevel(name, Credits.of(credits));
    }

    /** The courses of OUC-SE-DIP 软件工程（专科）: credits, compulsory (C) and exemptable (not N). */
    private enum DiplomaCourse {
        SE101("程序设计基础", "4", true, true), SE102("数据库应用技术", "4", true, true),
        SE103("Web应用开发", "4", true, true), SE104("软件测试基础", "3", false, true),
        SE105("人工智能导论", "3", false, true), SE106("数据分析与可视化", "3", false, true),
        SE107("计算机网络", "4", true, true), SE108("操作系统", "4", true, true),
        SE109("软件工程导论", "4", true, true), SE110("面向对象程序设计", "4", true, true),
        SE111("数据结构", "4", true, true), SE112("职业素养与AI伦理", "2", false, true),
        SE113("移动应用开发", "4", false, true), SE114("云计算基础", "3", false, true),
        SE115("综合实训", "4", true, false), SE199("毕业设计", "6", true, false);

        private final String titleZh;
        private final String credits;
        private final boolean compulsory;
        private final boolean exemptable;

        DiplomaCourse(String titleZh, String credits, boolean compulsory, boolean exemptable) {
            this.titleZh = titleZh;
            this.credits = credits;
            this.compulsory = compulsory;
            this.exemptable = exemptable;
        }

        UnitCode code() {
            return UnitCode.of("OUC-" + name());
        }
    }
}
