package io.mosaic.form.formula;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A parsed formula: immutable and safe to evaluate from several threads at once. */
public final class Expression {

    private final String text;
    private final Node root;
    private final Set<String> references;
    private final List<Lookup> lookups;

    Expression(String text, Node root, Set<String> references, List<Lookup> lookups) {
        this.text = text;
        this.root = root;
        this.references = Collections.unmodifiableSet(new LinkedHashSet<>(references));
        this.lookups = List.copyOf(lookups);
    }

    /**
     * Computes the formula's value: {@code null} for blank, or a {@link String}, a {@link java.math.BigDecimal}
     * (at most 10 decimal places, trailing zeros stripped), a {@link Boolean} or a {@link java.time.LocalDate}.
     *
     * @throws FormulaException with code unknown_reference, type, division_by_zero, invalid_argument or no_match
     */
    public Object evaluate(FormulaContext context) {
        return Values.result(root.scalar(new Scope(context)));
    }

    /** The paths the formula reads, in order of first use: {@code amount}, {@code lines.amount}, {@code dealer.region}. */
    public Set<String> references() {
        return references;
    }

    /** The LOOKUP calls of the formula, in order of appearance: what it reads of other forms. */
    public List<Lookup> lookups() {
        return lookups;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
