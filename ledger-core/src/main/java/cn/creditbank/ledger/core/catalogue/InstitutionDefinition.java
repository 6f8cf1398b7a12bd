package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.time.LocalDate;
import java.util.List;

/** One version of an institution: names, kind and what it is accredited to issue. */
public record InstitutionDefinition(String nameZh, String nameEn, InstitutionKind kind,
                                    List<Accreditation> accreditations) {

    public InstitutionDefinition {
        nameZh = Require.text(nameZh, "nameZh");
        nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
        Require.present(kind, "kind");
        accreditations = List.copyOf(accreditations == null ? List.of() : accreditations);
    }

    public boolean isAccreditedFor(UnitCode unit, LocalDate on) {
        return accreditations.stream().anyMatch(a -> a.unitCode().equals(unit) && a.period().contains(on));
    }
}
