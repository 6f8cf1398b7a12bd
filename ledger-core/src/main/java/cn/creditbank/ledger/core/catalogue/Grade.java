package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Require;

import java.util.List;

/** One grade of a ladder; every requirement must hold, and so must the grade below it. */
public record Grade(String name, List<GradeRequirement> requirements) {

    public Grade {
        name = Require.text(name, "grade.name");
        requirements = List.copyOf(requirements == null ? List.of() : requirements);
    }
}
