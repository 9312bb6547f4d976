package io.mosaic.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of {@code definition-validate}: the constraints of form.schema.json and of
 * {@code FormKind}'s semantic checks, written out by hand against a parsed Jackson tree, as a
 * developer would without a schema engine. Returns the pointers of the problems found.
 */
final class HandWrittenFormCheck {

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,47}$");
    private static final Pattern ICON = Pattern.compile("^[a-z0-9][a-z0-9-]{0,47}$");
    private static final Pattern OPTION_VALUE = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern EXTENSION = Pattern.compile("^\\.[a-z0-9]{1,10}$");
    private static final Pattern SERIAL_TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern SERIAL_LITERAL = Pattern.compile("[A-Za-z0-9_./-]*");
    private static final Pattern SERIAL_SEQUENCE = Pattern.compile("seq:([1-9]|1[0-2])");

    private static final Set<String> FORM_MEMBERS = Set.of("key", "name", "description", "icon", "titleField", "scope",
            "fields", "layout");
    private static final Set<String> FIELD_MEMBERS = Set.of("key", "type", "label", "description", "placeholder",
            "required", "unique", "indexed", "readOnly", "default", "maxLength", "min", "max", "precision", "scale", "currency",
            "options", "lookup", "columns", "minRows", "maxRows", "expression", "resultType", "pattern", "maxFiles",
            "maxSizeMb", "accept", "regionLevel", "visibleWhen", "requiredWhen", "defaultExpression");
    private static final Set<String> TYPES = Set.of("text", "textarea", "integer", "decimal", "money", "percent", "date",
            "datetime", "time", "select", "multiselect", "radio", "checkbox", "switch", "email", "phone", "url", "user",
            "org", "lookup", "subtable", "attachment", "image", "serial", "formula", "region", "richtext");
    private static final Set<String> FILTER_OPS = Set.of("eq", "ne", "lt", "le", "gt", "ge", "contains");
    private static final Set<String> OPTION_TYPES = Set.of("select", "multiselect", "radio", "checkbox");
    private static final Set<String> RESULT_TYPES = Set.of("number", "text", "date", "boolean");
    private static final Set<String> REGION_LEVELS = Set.of("province", "city", "district");
    private static final Set<String> SERIAL_DATES = Set.of("yyyy", "yy", "MM", "dd");
    private static final Set<String> FORM_SYSTEM_COLUMNS = Set.of("id", "version", "owner_id", "org_id", "dealer_id",
            "created_by", "created_at", "updated_by", "updated_at", "deleted_at", "workflow_status",
            "process_instance_id", "form_version");
    private static final Set<String> CHILD_SYSTEM_COLUMNS = Set.of("id", "parent_id", "row_order");
    private static final Set<String> UNINDEXABLE_TYPES = Set.of("textarea", "richtext", "multiselect", "checkbox",
            "attachment", "image", "region", "subtable");
    private static final Set<String> STRING_TYPES = Set.of("text", "select", "radio", "email", "phone", "url", "serial");
    private static final int MAX_INDEXED_LENGTH = 768;
    private static final Map<String, String> REQUIRED_BY_TYPE = Map.of("lookup", "lookup", "subtable", "columns",
            "formula", "expression", "serial", "pattern");

    private final List<String> problems = new ArrayList<>();

    static List<String> check(String key, JsonNode form) {
        HandWrittenFormCheck check = new HandWrittenFormCheck();
        check.form(key, form);
        return check.problems;
    }

    /** A scope names a top-level field whose type (a formula's result type) holds a dealer code or an org unit id. */
    private void scopeField(JsonNode named, String at, JsonNode fields, Set<String> fits) {
        if (named == null || !pattern(named, at, KEY) || fields == null || !fields.isArray()) {
            return;
        }
        for (JsonNode field : fields) {
            if (field.path("key").asText().equals(named.asText())) {
                String type = field.path("type").asText();
                if (!fits.contains("formula".equals(type) ? field.path("resultType").asText("number") : type)) {
                    problems.add(at);
                }
                return;
            }
        }
        problems.add(at);
    }

    private void form(String key, JsonNode form) {
        if (!form.isObject()) {
            problems.add("");
            return;
        }
        members(form, "", FORM_MEMBERS, "key", "name", "fields");
        if (pattern(form.get("key"), "/key", KEY) && !form.get("key").asText().equals(key)) {
            problems.add("/key");
        }
        text(form.get("name"), "/name");
        text(form.get("description"), "/description");
        pattern(form.get("icon"), "/icon", ICON);
        pattern(form.get("titleField"), "/titleField", KEY);
        JsonNode fields = form.get("fields");
        if (fields != null) {
            if (!fields.isArray() || fields.isEmpty() || fields.size() > 500) {
                problems.add("/fields");
            } else {
                fields(fields, "/fields", false);
            }
        }
        if (form.has("layout") && fields != null && fields.isArray() && !fields.isEmpty()) {
            layout(form.get("layout"), fields);
        }
        if (form.has("scope")) {
            JsonNode scope = form.get("scope");
            if (!scope.isObject() || scope.isEmpty()) {
                problems.add("/scope");
            } else {
                members(scope, "/scope", Set.of("dealer", "org"));
                scopeField(scope.get("dealer"), "/scope/dealer", fields, Set.of("text", "select", "radio"));
                scopeField(scope.get("org"), "/scope/org", fields, Set.of("org", "integer", "number"));
            }
        }
        if (problems.isEmpty() && form.has("titleField")) {
            String title = form.get("titleField").asText();
            boolean scalar = false;
            for (JsonNode field : fields) {
                if (field.get("key").asText().equals(title)) {
                    scalar = !"subtable".equals(field.get("type").asText());
                }
            }
            if (!scalar) {
                problems.add("/titleField");
            }
        }
    }

    /** Sections of rows of 1 to 4 top-level field keys, optionally in tabs; each field placed once. */
    private void layout(JsonNode layout, JsonNode fields) {
        if (!layout.isObject() || layout.size() != 1 || !(layout.has("sections") || layout.has("tabs"))) {
            problems.add("/layout");
            return;
        }
        Set<String> keys = new HashSet<>();
        fields.forEach(field -> keys.add(field.get("key").asText()));
        Set<String> placed = new HashSet<>();
        Set<String> sectionKeys = new HashSet<>();
        JsonNode tabs = layout.get("tabs");
        if (tabs != null) {
            if (!tabs.isArray() || tabs.isEmpty() || tabs.size() > 20) {
                problems.add("/layout/tabs");
                return;
            }
            Set<String> tabKeys = new HashSet<>();
            for (int t = 0; t < tabs.size(); t++) {
                JsonNode tab = tabs.get(t);
                String at = "/layout/tabs/" + t;
                if (!tab.isObject()) {
                    problems.add(at);
                    continue;
                }
                members(tab, at, Set.of("key", "title", "sections"), "key", "title", "sections");
                if (pattern(tab.get("key"), at + "/key", KEY) && !tabKeys.add(tab.get("key").asText())) {
                    problems.add(at + "/key");
                }
                text(tab.get("title"), at + "/title");
                sections(tab.get("sections"), at + "/sections", keys, placed, sectionKeys);
            }
        } else {
            sections(layout.get("sections"), "/layout/sections", keys, placed, sectionKeys);
        }
    }

    private void sections(JsonNode sections, String at, Set<String> keys, Set<String> placed, Set<String> sectionKeys) {
        if (sections == null || !sections.isArray() || sections.isEmpty() || sections.size() > 100) {
            problems.add(at);
            return;
        }
        for (int s = 0; s < sections.size(); s++) {
            JsonNode section = sections.get(s);
            String sectionAt = at + "/" + s;
            if (!section.isObject()) {
                problems.add(sectionAt);
                continue;
            }
            members(section, sectionAt, Set.of("key", "title", "rows"), "key", "rows");
            if (pattern(section.get("key"), sectionAt + "/key", KEY) && !sectionKeys.add(section.get("key").asText())) {
                problems.add(sectionAt + "/key");
            }
            text(section.get("title"), sectionAt + "/title");
            JsonNode rows = section.get("rows");
            if (rows == null || !rows.isArray() || rows.size() > 500) {
                problems.add(sectionAt + "/rows");
                continue;
            }
            for (int r = 0; r < rows.size(); r++) {
                JsonNode row = rows.get(r);
                String rowAt = sectionAt + "/rows/" + r;
                if (!row.isArray() || row.isEmpty() || row.size() > 4) {
                    problems.add(rowAt);
                    continue;
                }
                for (int c = 0; c < row.size(); c++) {
                    String cell = row.get(c).asText();
                    if (!row.get(c).isTextual() || !keys.contains(cell) || !placed.add(cell)) {
                        problems.add(rowAt + "/" + c);
                    }
                }
            }
        }
    }

    private void fields(JsonNode fields, String at, boolean insideSubtable) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String fieldAt = at + "/" + i;
            int before = problems.size();
            field(field, fieldAt);
            if (problems.size() > before) {
                continue;
            }
            if (!keys.add(field.get("key").asText())) {
                problems.add(fieldAt + "/key");
            }
            if ((insideSubtable ? CHILD_SYSTEM_COLUMNS : FORM_SYSTEM_COLUMNS).contains(field.get("key").asText())) {
                problems.add(fieldAt + "/key");
            }
            String type = field.get("type").asText();
            if ("subtable".equals(type)) {
                if (insideSubtable) {
                    problems.add(fieldAt + "/type");
                } else {
                    fields(field.get("columns"), fieldAt + "/columns", true);
                }
            }
        }
    }

    private void field(JsonNode field, String at) {
        if (!field.isObject()) {
            problems.add(at);
            return;
        }
        members(field, at, FIELD_MEMBERS, "key", "type", "label");
        pattern(field.get("key"), at + "/key", KEY);
        JsonNode typeNode = field.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        if (typeNode != null && (type == null || !TYPES.contains(type))) {
            problems.add(at + "/type");
        }
        text(field.get("label"), at + "/label");
        text(field.get("description"), at + "/description");
        text(field.get("placeholder"), at + "/placeholder");
        for (String flag : List.of("required", "unique", "indexed", "readOnly")) {
            if (field.has(flag) && !field.get(flag).isBoolean()) {
                problems.add(at + "/" + flag);
            }
        }
        integer(field.get("maxLength"), at + "/maxLength", 1, 4000);
        number(field.get("min"), at + "/min");
        number(field.get("max"), at + "/max");
        integer(field.get("precision"), at + "/precision", 1, 38);
        integer(field.get("scale"), at + "/scale", 0, 10);
        pattern(field.get("currency"), at + "/currency", CURRENCY);
        options(field.get("options"), at + "/options");
        lookup(field.get("lookup"), at + "/lookup");
        JsonNode columns = field.get("columns");
        if (columns != null) {
            if (!columns.isArray() || columns.isEmpty() || columns.size() > 100) {
                problems.add(at + "/columns");
            } else {
                for (int c = 0; c < columns.size(); c++) {
                    field(columns.get(c), at + "/columns/" + c);
                }
            }
        }
        integer(field.get("minRows"), at + "/minRows", 0, Integer.MAX_VALUE);
        integer(field.get("maxRows"), at + "/maxRows", 1, 10000);
        string(field.get("expression"), at + "/expression", 4000);
        string(field.get("visibleWhen"), at + "/visibleWhen", 4000);
        string(field.get("requiredWhen"), at + "/requiredWhen", 4000);
        string(field.get("defaultExpression"), at + "/defaultExpression", 4000);
        oneOf(field.get("resultType"), at + "/resultType", RESULT_TYPES);
        string(field.get("pattern"), at + "/pattern", 64);
        integer(field.get("maxFiles"), at + "/maxFiles", 1, 100);
        integer(field.get("maxSizeMb"), at + "/maxSizeMb", 1, 1024);
        JsonNode accept = field.get("accept");
        if (accept != null) {
            if (!accept.isArray()) {
                problems.add(at + "/accept");
            } else {
                for (int a = 0; a < accept.size(); a++) {
                    pattern(accept.get(a), at + "/accept/" + a, EXTENSION);
                }
            }
        }
        oneOf(field.get("regionLevel"), at + "/regionLevel", REGION_LEVELS);
        if (type == null) {
            return;
        }
        if (OPTION_TYPES.contains(type) && !field.has("options")) {
            problems.add(at + "/options");
        }
        String needed = REQUIRED_BY_TYPE.get(type);
        if (needed != null && !field.has(needed)) {
            problems.add(at + "/" + needed);
        }
        semantics(field, type, at);
    }

    private void semantics(JsonNode field, String type, String at) {
        if (field.has("options")) {
            if (!OPTION_TYPES.contains(type)) {
                problems.add(at + "/options");
            }
            Set<String> values = new HashSet<>();
            JsonNode options = field.get("options");
            for (int o = 0; o < options.size(); o++) {
                if (!values.add(options.get(o).path("value").asText())) {
                    problems.add(at + "/options/" + o + "/value");
                }
            }
        }
        if (field.has("min") && field.has("max") && field.get("min").decimalValue().compareTo(field.get("max").decimalValue()) > 0) {
            problems.add(at + "/max");
        }
        if (field.has("minRows") && field.has("maxRows") && field.get("minRows").asInt() > field.get("maxRows").asInt()) {
            problems.add(at + "/maxRows");
        }
        String flag = field.path("unique").asBoolean(false) ? "unique" : field.path("indexed").asBoolean(false) ? "indexed" : null;
        boolean string = STRING_TYPES.contains(type) || "formula".equals(type) && "text".equals(field.path("resultType").asText());
        if (flag != null && UNINDEXABLE_TYPES.contains(type)) {
            problems.add(at + "/" + flag);
        } else if (flag != null && string && field.path("maxLength").asInt(0) > MAX_INDEXED_LENGTH) {
            problems.add(at + "/maxLength");
        }
        if ("serial".equals(type) && field.get("pattern").isTextual() && !validSerial(field.get("pattern").asText())) {
            problems.add(at + "/pattern");
        }
    }

    private static boolean validSerial(String pattern) {
        Matcher token = SERIAL_TOKEN.matcher(pattern);
        int sequences = 0;
        int literalStart = 0;
        while (token.find()) {
            if (!SERIAL_LITERAL.matcher(pattern.substring(literalStart, token.start())).matches()) {
                return false;
            }
            if (SERIAL_SEQUENCE.matcher(token.group(1)).matches()) {
                sequences++;
            } else if (!SERIAL_DATES.contains(token.group(1))) {
                return false;
            }
            literalStart = token.end();
        }
        return SERIAL_LITERAL.matcher(pattern.substring(literalStart)).matches() && sequences == 1;
    }

    private void options(JsonNode options, String at) {
        if (options == null) {
            return;
        }
        if (!options.isArray() || options.isEmpty() || options.size() > 500) {
            problems.add(at);
            return;
        }
        for (int o = 0; o < options.size(); o++) {
            JsonNode option = options.get(o);
            String optionAt = at + "/" + o;
            if (!option.isObject()) {
                problems.add(optionAt);
                continue;
            }
            members(option, optionAt, Set.of("value", "label", "color"), "value", "label");
            pattern(option.get("value"), optionAt + "/value", OPTION_VALUE);
            text(option.get("label"), optionAt + "/label");
            pattern(option.get("color"), optionAt + "/color", COLOR);
        }
    }

    private void lookup(JsonNode lookup, String at) {
        if (lookup == null) {
            return;
        }
        if (!lookup.isObject()) {
            problems.add(at);
            return;
        }
        members(lookup, at, Set.of("form", "displayField"), "form", "displayField");
        pattern(lookup.get("form"), at + "/form", KEY);
        pattern(lookup.get("displayField"), at + "/displayField", KEY);
        JsonNode filter = lookup.get("filter");
        if (filter == null) {
            return;
        }
        if (!filter.isArray() || filter.size() > 10) {
            problems.add(at + "/filter");
            return;
        }
        for (int i = 0; i < filter.size(); i++) {
            JsonNode condition = filter.get(i);
            String conditionAt = at + "/filter/" + i;
            if (!condition.isObject()) {
                problems.add(conditionAt);
                continue;
            }
            members(condition, conditionAt, Set.of("field", "op", "value"), "field", "op", "value");
            pattern(condition.get("field"), conditionAt + "/field", KEY);
            if (condition.has("op") && !FILTER_OPS.contains(condition.get("op").asText())) {
                problems.add(conditionAt + "/op");
            }
            string(condition.get("value"), conditionAt + "/value", 255);
        }
    }

    private void members(JsonNode object, String at, Set<String> allowed, String... required) {
        for (String member : required) {
            if (!object.has(member)) {
                problems.add(at + "/" + member);
            }
        }
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problems.add(at + "/" + name);
            }
        });
    }

    private void text(JsonNode text, String at) {
        if (text == null) {
            return;
        }
        if (!text.isObject()) {
            problems.add(at);
            return;
        }
        members(text, at, Set.of("zh-CN", "en"), "zh-CN", "en");
        string(text.get("zh-CN"), at + "/zh-CN", 500);
        string(text.get("en"), at + "/en", 500);
    }

    private boolean pattern(JsonNode value, String at, Pattern pattern) {
        if (value == null) {
            return false;
        }
        if (!value.isTextual() || !pattern.matcher(value.asText()).find()) {
            problems.add(at);
            return false;
        }
        return true;
    }

    private void string(JsonNode value, String at, int maxLength) {
        if (value != null && (!value.isTextual() || value.asText().isEmpty()
                || value.asText().codePointCount(0, value.asText().length()) > maxLength)) {
            problems.add(at);
        }
    }

    private void oneOf(JsonNode value, String at, Set<String> allowed) {
        if (value != null && (!value.isTextual() || !allowed.contains(value.asText()))) {
            problems.add(at);
        }
    }

    private void number(JsonNode value, String at) {
        if (value != null && !value.isNumber()) {
            problems.add(at);
        }
    }

    private void integer(JsonNode value, String at, int min, int max) {
        if (value == null) {
            return;
        }
        boolean integral = value.isIntegralNumber()
                || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
        if (!integral || value.asLong() < min || value.asLong() > max) {
            problems.add(at);
        }
    }
}
