package io.mosaic.api.definition;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON definition kind checked first against a JSON Schema (draft 2020-12) and then, once the
 * shape is right, by the kind's own semantic checks ({@link #semanticProblems}).
 *
 * <p>Schemas live on the class path under {@code schemas/} and are addressed by
 * {@value #SCHEMA_BASE}{@code <name>}, so one schema can {@code $ref} another (for instance
 * {@code common.schema.json#/$defs/key}) without anything being fetched over the network. Each kind
 * compiles its schema once, when it is constructed; validation reuses the compiled schema.
 */
public abstract class JsonSchemaDefinitionKind implements DefinitionKind {

    /** IRI prefix of the platform's schemas; mapped to {@code classpath:schemas/}. */
    public static final String SCHEMA_BASE = JsonSchemas.SCHEMA_BASE;

    /**
     * Deepest nesting a definition may have. Real ones stay far below (a sub-table column's label is
     * 7 levels down); the cap keeps hostile input from exhausting the stack of recursive checks.
     */
    public static final int MAX_NESTING_DEPTH = 64;

    // A repeated member would silently win over the first one; an analyst should hear about it instead.
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String key;
    private final String fileSuffix;
    private final LocalizedText label;
    private final JsonSchema schema;

    /**
     * @param key        kind key
     * @param fileSuffix pack file suffix
     * @param label      human name of the kind
     * @param schemaName file name of the schema under {@code schemas/} on the class path
     */
    protected JsonSchemaDefinitionKind(String key, String fileSuffix, LocalizedText label, String schemaName) {
        this.key = key;
        this.fileSuffix = fileSuffix;
        this.label = label;
        this.schema = JsonSchemas.FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaName), JsonSchemas.CONFIG);
        // Resolve every $ref now: a broken schema fails at start-up, not on an analyst's first save.
        this.schema.initializeValidators();
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String fileSuffix() {
        return fileSuffix;
    }

    @Override
    public final DefinitionFormat format() {
        return DefinitionFormat.JSON;
    }

    @Override
    public final LocalizedText label() {
        return label;
    }

    @Override
    public final List<DefinitionProblem> validate(String key, String content) {
        JsonNode definition;
        try {
            definition = parse(content);
        } catch (JsonProcessingException e) {
            return List.of(DefinitionProblem.at("", parseError(e)));
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(definition)) {
            problems.add(toProblem(message));
        }
        JsonNode declaredKey = definition.path("key");
        if (declaredKey.isTextual() && !declaredKey.asText().equals(key)) {
            problems.add(DefinitionProblem.at("/key", "The definition's key is '" + declaredKey.asText()
                    + "' but it is saved under '" + key + "'"));
        }
        if (problems.isEmpty()) {
            problems.addAll(semanticProblems(definition));
        }
        return List.copyOf(problems);
    }

    /**
     * What the schema cannot say: uniqueness, references between parts of one definition, value
     * ranges that depend on other members. Called only when the definition matches the schema,
     * so the shape the schema promises can be relied on.
     */
    protected List<DefinitionProblem> semanticProblems(JsonNode definition) {
        return List.of();
    }

    /**
     * Parses definition content the way {@link #validate} does.
     *
     * @throws JsonProcessingException when the content is not one well-formed JSON value
     */
    protected static JsonNode parse(String content) throws JsonProcessingException {
        JsonNode tree = content == null ? null : JSON.readTree(content);
        if (tree == null || tree.isMissingNode()) {
            throw new EmptyContentException();
        }
        return tree;
    }

    /** Parses content that has already passed {@link #validate}; anything else is a programming error. */
    protected static JsonNode parseValidated(String content) {
        try {
            return parse(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Definition content is not valid JSON: " + parseError(e), e);
        }
    }

    /** Appends one reference token to a JSON Pointer, escaping {@code ~} and {@code /}. */
    public static String pointer(String parent, Object token) {
        return parent + "/" + token.toString().replace("~", "~0").replace("/", "~1");
    }

    private static String parseError(JsonProcessingException e) {
        if (e instanceof EmptyContentException) {
            return "The definition is empty";
        }
        if (e instanceof StreamConstraintsException) {
            return "The definition is nested deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "Not valid JSON" + where + ": " + e.getOriginalMessage();
    }

    private static DefinitionProblem toProblem(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        // "required" and "additionalProperties" report the parent object; point at the member itself.
        if (message.getProperty() != null
                && ("required".equals(message.getType()) || "additionalProperties".equals(message.getType()))) {
            pointer = pointer(pointer, message.getProperty());
        }
        String error = message.getError();
        return DefinitionProblem.at(pointer, error.isEmpty() ? error : Character.toUpperCase(error.charAt(0)) + error.substring(1));
    }

    private static final class EmptyContentException extends JsonProcessingException {
        EmptyContentException() {
            super("empty content");
        }
    }
}
