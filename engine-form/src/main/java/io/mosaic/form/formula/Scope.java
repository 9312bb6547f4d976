package io.mosaic.form.formula;

import java.time.LocalDate;

/** One evaluation: the context, with today's date asked for at most once so one formula sees one date. */
final class Scope {

    final FormulaContext context;
    private LocalDate today;

    Scope(FormulaContext context) {
        this.context = context;
    }

    LocalDate today() {
        if (today == null) {
            today = context.today();
        }
        return today;
    }
}
