package io.mosaic.form.formula;

import java.util.List;

/**
 * A {@code LOOKUP("price_list", "price", "level", dealer.level, "product", product)} call of a formula: the form and
 * field it reads and the key fields it matches, all written as text so that they can be checked against the app's
 * forms before the formula ever runs.
 *
 * @param position zero-based position of the call in the formula's text
 */
public record Lookup(String form, String field, List<String> keys, int position) {

    public Lookup {
        keys = List.copyOf(keys);
    }
}
