package io.mosaic.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Set;

/**
 * A condition a query adds to its dataset's own filters, with the operators of a dataset filter
 * ({@code eq ne gt gte lt lte in not_in contains empty not_empty between relative}).
 *
 * @param value a JSON value as a dataset filter has it: text or number, an array for {@code in}, {@code not_in}
 *              and {@code between}, the period for {@code relative} ({@code this_month}, {@code last_n_days:30})
 */
public record QueryFilter(String field, String op, JsonNode value) {

    private static final Set<String> LISTS = Set.of("in", "not_in");

    /**
     * Reads the query-string form {@code field:op:value}: {@code in} and {@code not_in} take {@code a,b,c},
     * {@code between} takes {@code from..to}; {@code ge} and {@code le} are accepted for {@code gte} and {@code lte}
     * as the records list spells them.
     *
     * @throws DatasetQueryException when the text is not {@code field:op[:value]}
     */
    public static QueryFilter parse(String text, String pointer) {
        String[] parts = text == null ? new String[0] : text.split(":", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw DatasetQueryException.invalid(pointer, "A filter is field:op:value, not '" + text + "'");
        }
        String op = switch (parts[1]) {
            case "ge" -> "gte";
            case "le" -> "lte";
            default -> parts[1];
        };
        String raw = parts.length > 2 ? parts[2] : null;
        JsonNode value = null;
        if (raw != null && LISTS.contains(op)) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String item : raw.split(",", -1)) {
                list.add(item);
            }
            value = list;
        } else if (raw != null && "between".equals(op) && raw.contains("..")) {
            int at = raw.indexOf("..");
            value = JsonNodeFactory.instance.arrayNode().add(raw.substring(0, at)).add(raw.substring(at + 2));
        } else if (raw != null) {
            value = TextNode.valueOf(raw);
        }
        return new QueryFilter(parts[0], op, value);
    }
}
