package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.DomainException;
import cn.creditbank.ledger.core.shared.ErrorCode;
import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;

/** Checks that the items a definition refers to exist in the catalogue, with the refusal codes clients rely on. */
final class CatalogueReferences {

    private final Catalogue catalogue;

    CatalogueReferences(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    void assertInstitutionExists(InstitutionCode code) {
        if (catalogue.institution(code).isEmpty()) {
            throw new DomainException(ErrorCode.UNKNOWN_INSTITUTION, "institution " + code + " is not in the catalogue");
        }
    }

    UnitDefinition assertUnitExists(UnitCode code) {
        return catalogue.unit(code)
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_UNIT, "unit " + code + " is not in the catalogue"))
                .definition();
    }

    ProgrammeDefinition assertProgrammeExists(ProgrammeCode code) {
        return catalogue.programme(code)
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_PROGRAMME,
                        "programme " + code + " is not in the catalogue"))
                .definition();
    }

    void assertCertificateLevel(UnitCode code, String level) {
        UnitDefinition unit = assertUnitExists(code);
        if (unit.kind() != UnitKind.CERTIFICATE) {
            throw new DomainException(ErrorCode.NOT_A_CERTIFICATE, "unit " + code + " is not a certificate");
        }
        if (unit.level(level).isEmpty()) {
            throw new DomainException(ErrorCode.UNKNOWN_CERTIFICATE_LEVEL,
                    "level '" + level + "' is not defined for unit " + code);
        }
    }
}
