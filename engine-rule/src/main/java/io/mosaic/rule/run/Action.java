package io.mosaic.rule.run;

/** A compiled action: evaluates its formulas and templates against the record into an {@link Effect}. */
interface Action {

    Effect effect(RunContext context);
}
