package io.mosaic.form.record.types;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.api.FieldType;
import io.mosaic.form.file.FileNames;
import io.mosaic.form.model.FieldModel;

/** What attachment and image values share: a list of references to files already in the file store. */
public final class Files {

    static final int DEFAULT_MAX_FILES = 10;
    static final int DEFAULT_MAX_SIZE_MB = 20;
    public static final long BYTES_PER_MB = 1_048_576L;
    static final String FILE_ID_PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".gif", ".webp");

    private Files() {
    }

    /** {@code [{id, name, size, contentType}]}, at most {@code maxFiles}, names with an accepted extension. */
    static void describe(ValueSchema schema, FieldModel field, String contentTypePattern, boolean required) {
        schema.array(required ? 1 : null, field.maxFiles() == null ? DEFAULT_MAX_FILES : field.maxFiles(), required);
        ObjectNode file = schema.node().putObject("items");
        file.put("type", "object");
        ObjectNode properties = file.putObject("properties");
        properties.putObject("id").put("type", "string").put("pattern", FILE_ID_PATTERN);
        ObjectNode name = properties.putObject("name").put("type", "string").put("minLength", 1)
                .put("maxLength", FileNames.MAX_LENGTH);
        List<String> accept = accepted(field);
        if (!accept.isEmpty()) {
            name.put("pattern", extensionPattern(accept));
        }
        properties.putObject("size").put("type", "integer").put("minimum", 0).put("maximum", maxBytes(field));
        properties.putObject("contentType").put("type", "string").put("pattern", contentTypePattern).put("maxLength", 255);
        file.putArray("required").add("id").add("name").add("size").add("contentType");
        file.put("additionalProperties", false);
    }

    /** Extensions a file field takes: as declared, else common image types for an image, else any (empty). */
    public static List<String> accepted(FieldModel field) {
        if (!field.accept().isEmpty()) {
            return field.accept();
        }
        return field.type() == FieldType.IMAGE ? IMAGE_EXTENSIONS : List.of();
    }

    /** The size a file of an attachment or image field may have: {@code maxSizeMb}, 20 MB when not given. */
    public static long maxBytes(FieldModel field) {
        return (field.maxSizeMb() == null ? DEFAULT_MAX_SIZE_MB : field.maxSizeMb()) * BYTES_PER_MB;
    }

    // Case-insensitive by letter classes: the pattern must mean the same to every JSON Schema engine (ECMA 262).
    private static String extensionPattern(List<String> extensions) {
        return "\\.(" + extensions.stream().map(e -> e.substring(1).chars()
                        .mapToObj(c -> Character.isLetter(c)
                                ? "[" + Character.toLowerCase((char) c) + Character.toUpperCase((char) c) + "]"
                                : String.valueOf((char) c))
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("|")) + ")$";
    }
}
