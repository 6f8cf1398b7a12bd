package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** One version of a programme (专业 / 微专业): its courses and its transfer policy. */
public record ProgrammeDefinition(InstitutionCode institution, String titleZh, String titleEn, Award award,
                                  Credits requiredCredits, List<ProgrammeCourse> courses,
                                  TransferPolicy transferPolicy) {

    public ProgrammeDefinition {
        Require.present(institution, "institution");
        titleZh = Require.text(titleZh, "titleZh");
        titleEn = titleEn == null || titleEn.isBlank() ? null : titleEn.strip();
        Require.present(award, "award");
        Require.present(requiredCredits, "requiredCredits");
        courses = List.copyOf(courses == null ? List.of() : courses);
        transferPolicy = transferPolicy == null ? TransferPolicy.none() : transferPolicy;
        var codes = new HashSet<UnitCode>();
        for (ProgrammeCourse course : courses) {
            if (!codes.add(course.code())) {
                throw new DomainException(ErrorCode.DUPLICATE_ENTRY, "course " + course.code() + " is listed twice");
            }
        }
    }

    public Optional<ProgrammeCourse> course(UnitCode code) {
        return courses.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
