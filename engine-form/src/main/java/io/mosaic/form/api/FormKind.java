package io.mosaic.form.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.api.definition.UniqueKeys;
import io.mosaic.form.store.ColumnType;
import io.mosaic.form.store.SystemColumns;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Forms ({@code *.form.json}): fields with types, labels, options, lookups, sub-tables, formulas, serials. */
public final class FormKind extends JsonSchemaDefinitionKind {

    public static final String KEY = "form";

    private static final Pattern SERIAL_TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SERIAL_LITERAL = Pattern.compile("[A-Za-z0-9_./-]*");
    private static final Pattern SERIAL_SEQUENCE = Pattern.compile("seq:([1-9]|1[0-2])");
    private static final List<String> SERIAL_DATE_TOKENS = List.of("yyyy", "yy", "MM", "dd");

    public FormKind() {
        super(KEY, ".form.json", new LocalizedText("表单", "Form"), "form.schema.json");
    }

    @Override
    protected List<DefinitionProblem> semanticProblems(JsonNode form) {
        List<DefinitionProblem> problems = new ArrayList<>();
        checkFields(form.path("fields"), "/fields", false, problems);
        problems.addAll(FormulaFields.problems(form.path("fields")));
        problems.addAll(FormLayouts.problems(form));
        JsonNode titleField = form.path("titleField");
        if (titleField.isTextual() && !isScalarField(form.path("fields"), titleField.asText())) {
            problems.add(DefinitionProblem.at("/titleField", "The title field '" + titleField.asText()
                    + "' is not a field of this form outside its sub-tables"));
        }
        checkScope(form, "dealer", problems);
        checkScope(form, "org", problems);
        return problems;
    }

    /**
     * A scope field holds what the row scope compares: the dealer field a code (text), the org field an org unit id
     * (a number); sub-table columns cannot, as a record has one owner.
     */
    private static void checkScope(JsonNode form, String scope, List<DefinitionProblem> problems) {
        JsonNode named = form.path("scope").path(scope);
        if (!named.isTextual()) {
            return;
        }
        for (JsonNode field : form.path("fields")) {
            if (field.path("key").asText().equals(named.asText())) {
                String type = field.path("type").asText();
                String value = FieldType.FORMULA.key().equals(type) ? field.path("resultType").asText("number") : type;
                List<String> fits = "dealer".equals(scope) ? List.of("text", "select", "radio")
                        : List.of("org", "integer", "number");
                if (!fits.contains(value)) {
                    problems.add(DefinitionProblem.at("/scope/" + scope, "The " + scope + " scope field '" + named.asText()
                            + "' must hold " + ("dealer".equals(scope) ? "a dealer code (text, select, radio or a text formula)"
                            : "an org unit id (org, integer or a number formula)") + ", not " + value));
                }
                return;
            }
        }
        problems.add(DefinitionProblem.at("/scope/" + scope, "The " + scope + " scope field '" + named.asText()
                + "' is not a field of this form outside its sub-tables"));
    }

    private static void checkFields(JsonNode fields, String at, boolean insideSubtable,
                                    List<DefinitionProblem> problems) {
        UniqueKeys keys = new UniqueKeys("field", problems);
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String fieldAt = at + "/" + i;
            keys.add(field.path("key").asText(), fieldAt + "/key");
            if (SystemColumns.isReserved(field.path("key").asText(), insideSubtable)) {
                problems.add(DefinitionProblem.at(fieldAt + "/key", "The field key '" + field.path("key").asText()
                        + "' is the name of a system column; choose another key"));
            }
            FieldType type = FieldType.of(field.path("type").asText()).orElseThrow();
            if (type == FieldType.SUBTABLE) {
                if (insideSubtable) {
                    problems.add(DefinitionProblem.at(fieldAt + "/type",
                            "A sub-table column cannot itself be a sub-table"));
                } else {
                    checkFields(field.path("columns"), fieldAt + "/columns", true, problems);
                }
            }
            if (type == FieldType.SERIAL && insideSubtable) {
                // Numbers are unique and gap-free per form: a row has its place in its record instead.
                problems.add(DefinitionProblem.at(fieldAt + "/type",
                        "A sub-table column cannot be a serial number; rows keep the order they are entered in"));
            }
            checkField(field, type, fieldAt, problems);
        }
    }

    /** The types whose value a formula's number, text or date result is as it stands. */
    private static final Set<FieldType> DEFAULTABLE = EnumSet.of(FieldType.INTEGER, FieldType.DECIMAL,
            FieldType.MONEY, FieldType.PERCENT, FieldType.TEXT, FieldType.DATE);

    private static void checkField(JsonNode field, FieldType type, String at, List<DefinitionProblem> problems) {
        UniqueKeys optionValues = new UniqueKeys("option", problems);
        JsonNode options = field.path("options");
        for (int o = 0; o < options.size(); o++) {
            optionValues.add(options.get(o).path("value").asText(), at + "/options/" + o + "/value");
        }
        if (!type.hasOptions() && field.has("options")) {
            problems.add(DefinitionProblem.at(at + "/options", "A " + type.key() + " field has no options"));
        }
        if (field.has("min") && field.has("max") && field.get("min").decimalValue().compareTo(field.get("max").decimalValue()) > 0) {
            problems.add(DefinitionProblem.at(at + "/max", "The maximum is below the minimum"));
        }
        if (field.has("minRows") && field.has("maxRows") && field.get("minRows").asInt() > field.get("maxRows").asInt()) {
            problems.add(DefinitionProblem.at(at + "/maxRows", "The maximum number of rows is below the minimum"));
        }
        checkIndexable(field, at, problems);
        if (field.has("defaultExpression") && !DEFAULTABLE.contains(type)) {
            problems.add(DefinitionProblem.at(at + "/defaultExpression", "A default formula gives a number, text or "
                    + "date field its value, not a " + type.key() + " field"));
        }
        if (type == FieldType.SERIAL) {
            serialPatternProblem(field.path("pattern").asText())
                    .ifPresent(message -> problems.add(DefinitionProblem.at(at + "/pattern", message)));
        }
    }

    /** A unique or indexed field needs a column the database can index on MySQL as well as on H2. */
    private static void checkIndexable(JsonNode field, String at, List<DefinitionProblem> problems) {
        String flag = field.path("unique").asBoolean(false) ? "unique"
                : field.path("indexed").asBoolean(false) ? "indexed" : null;
        if (flag == null) {
            return;
        }
        FieldStorage storage = storage(field);
        if (storage == FieldStorage.TEXT || storage == FieldStorage.JSON || storage == FieldStorage.CHILD_TABLE) {
            problems.add(DefinitionProblem.at(at + "/" + flag, "A " + describe(field) + " field cannot be " + flag
                    + ": its values are too long or structured to index"));
        } else if (storage == FieldStorage.STRING && field.path("maxLength").asInt(0) > ColumnType.MAX_INDEXED_LENGTH) {
            problems.add(DefinitionProblem.at(at + "/maxLength", "A " + flag + " field may be at most "
                    + ColumnType.MAX_INDEXED_LENGTH + " characters long"));
        }
    }

    /** A serial pattern is literal text with date parts and exactly one sequence, e.g. {@code DO-{yyyy}-{seq:6}}. */
    private static Optional<String> serialPatternProblem(String pattern) {
        Matcher token = SERIAL_TOKEN.matcher(pattern);
        int sequences = 0;
        int literalStart = 0;
        while (token.find()) {
            if (!SERIAL_LITERAL.matcher(pattern.substring(literalStart, token.start())).matches()) {
                return Optional.of(literalProblem(pattern));
            }
            String name = token.group(1);
            if (SERIAL_SEQUENCE.matcher(name).matches()) {
                sequences++;
            } else if (!SERIAL_DATE_TOKENS.contains(name)) {
                return Optional.of("'{" + name + "}' is not a serial part; use {yyyy}, {yy}, {MM}, {dd} "
                        + "or {seq:N} with N from 1 to 12");
            }
            literalStart = token.end();
        }
        if (!SERIAL_LITERAL.matcher(pattern.substring(literalStart)).matches()) {
            return Optional.of(literalProblem(pattern));
        }
        return sequences == 1 ? Optional.empty()
                : Optional.of("A serial pattern needs exactly one {seq:N} part, '" + pattern + "' has "
                + sequences);
    }

    private static String literalProblem(String pattern) {
        return "The serial pattern '" + pattern + "' may only hold letters, digits, '_', '.', '/', '-' "
                + "around its {…} parts";
    }

    private static boolean isScalarField(JsonNode fields, String key) {
        for (JsonNode field : fields) {
            if (field.path("key").asText().equals(key)) {
                return !FieldType.SUBTABLE.key().equals(field.path("type").asText());
            }
        }
        return false;
    }

    /**
     * Refuses a new version that would retype a stored field in a way its values do not survive
     * (text → integer, decimal → integer, anything → date) or point a lookup at another form.
     * Removing a field is safe: its column is kept. Problems point into {@code next}.
     */
    @Override
    public List<DefinitionProblem> checkUpgrade(String key, String current, String next) {
        List<DefinitionProblem> problems = new ArrayList<>();
        compareFields(parseValidated(current).path("fields"), parseValidated(next).path("fields"), "/fields", problems);
        return problems;
    }

    private static void compareFields(JsonNode currentFields, JsonNode nextFields, String at,
                                      List<DefinitionProblem> problems) {
        Map<String, JsonNode> current = new HashMap<>();
        currentFields.forEach(f -> current.put(f.path("key").asText(), f));
        for (int i = 0; i < nextFields.size(); i++) {
            JsonNode next = nextFields.get(i);
            JsonNode before = current.get(next.path("key").asText());
            if (before == null) {
                continue;
            }
            String fieldAt = at + "/" + i;
            FieldStorage was = storage(before);
            FieldStorage becomes = storage(next);
            if (!was.canChangeTo(becomes)) {
                problems.add(DefinitionProblem.at(fieldAt + "/type", "The field '" + next.path("key").asText()
                        + "' cannot change from " + describe(before) + " to " + describe(next)
                        + ": its stored values would not survive"));
            } else if (becomes == FieldStorage.CHILD_TABLE) {
                compareFields(before.path("columns"), next.path("columns"), fieldAt + "/columns", problems);
            } else if (FieldType.LOOKUP.key().equals(next.path("type").asText())
                    && FieldType.LOOKUP.key().equals(before.path("type").asText())
                    && !before.path("lookup").path("form").equals(next.path("lookup").path("form"))) {
                problems.add(DefinitionProblem.at(fieldAt + "/lookup/form", "The lookup '" + next.path("key").asText()
                        + "' cannot move from form '" + before.path("lookup").path("form").asText() + "' to '"
                        + next.path("lookup").path("form").asText() + "': stored links would point at the wrong records"));
            }
        }
    }

    /** How a field of a valid definition is stored; a formula's storage follows its result type. */
    public static FieldStorage storage(JsonNode field) {
        FieldType type = FieldType.of(field.path("type").asText()).orElseThrow();
        if (type == FieldType.FORMULA) {
            return FieldType.FormulaResult.of(field.path("resultType").asText("number")).orElseThrow().storage();
        }
        return type.storage();
    }

    private static String describe(JsonNode field) {
        String type = field.path("type").asText();
        return FieldType.FORMULA.key().equals(type) ? "formula (" + field.path("resultType").asText("number") + ")" : type;
    }
}
