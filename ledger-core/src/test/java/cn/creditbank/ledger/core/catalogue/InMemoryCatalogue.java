package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.InstitutionCode;
import cn.creditbank.ledger.core.shared.ProgrammeCode;
import cn.creditbank.ledger.core.shared.UnitCode;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Catalogue} for tests. Each {@code with…} call stores the next version of that item (1 for a new one),
 * as the catalogue aggregates would.
 */
public final class InMemoryCatalogue implements Catalogue {

    private final Map<InstitutionCode, Versioned<InstitutionDefinition>> institutions = new HashMap<>();
    private final Map<UnitCode, Versioned<UnitDefinition>> units = new HashMap<>();
    private final Map<ProgrammeCode, Versioned<ProgrammeDefinition>> programmes = new HashMap<>();

    public InMemoryCatalogue withInstitution(InstitutionCode code, InstitutionDefinition definition) {
        store(institutions, code, definition);
        return this;
    }

    public InMemoryCatalogue withUnit(UnitCode code, UnitDefinition definition) {
        store(units, code, definition);
        return this;
    }

    public InMemoryCatalogue withProgramme(ProgrammeCode code, ProgrammeDefinition definition) {
        store(programmes, code, definition);
        return this;
    }

    @Override
    public Optional<Versioned<InstitutionDefinition>> institution(InstitutionCode code) {
        return Optional.ofNullable(institutions.get(code));
    }

    @Override
    public Optional<Versioned<UnitDefinition>> unit(UnitCode code) {
        return Optional.ofNullable(units.get(code));
    }

    @Override
    public Optional<Versioned<ProgrammeDefinition>> programme(ProgrammeCode code) {
        return Optional.ofNullable(programmes.get(code));
    }

    private static <K, D> void store(Map<K, Versioned<D>> items, K code, D definition) {
        int version = items.containsKey(code) ? items.get(code).version() + 1 : 1;
        items.put(code, new Versioned<>(version, definition));
    }
}
