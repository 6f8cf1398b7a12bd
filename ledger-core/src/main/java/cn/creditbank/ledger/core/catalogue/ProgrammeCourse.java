package cn.creditbank.ledger.core.catalogue;

import cn.creditbank.ledger.core.shared.Credits;
import cn.creditbank.ledger.core.shared.Require;
import cn.creditbank.ledger.core.shared.UnitCode;

/** A course of a programme; a non-exemptable course can only be earned, never transferred. */
public record ProgrammeCourse(UnitCode code, String title, Credits credits, boolean compulsory, boolean exemptable) {

    public ProgrammeCourse {
        Require.present(code, "course.code");
        title = Require.text(title, "course.title");
        Require.present(credits, "course.credits");
    }
}
