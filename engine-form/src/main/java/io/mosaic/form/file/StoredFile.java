package io.mosaic.form.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A file as an attachment or image field holds it: {@code {id, name, size, contentType}}.
 *
 * @param name        the sanitised display name
 * @param size        bytes
 * @param contentType as detected from the content when it was uploaded
 */
public record StoredFile(String id, String name, long size, String contentType) {

    /** A file reference of a record that validation has passed: all four members are there. */
    public static StoredFile of(JsonNode reference) {
        return new StoredFile(reference.path("id").asText(), reference.path("name").asText(),
                reference.path("size").asLong(), reference.path("contentType").asText());
    }

    public ObjectNode json() {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("name", name).put("size", size)
                .put("contentType", contentType);
    }
}
