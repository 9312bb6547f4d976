package io.mosaic.api.definition;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.util.Locale;

/**
 * The one way the platform configures networknt's JSON Schema validator, shared by definition kinds
 * and by the schemas engines generate (a form's record schema), so both report problems alike.
 */
public final class JsonSchemas {

    /** IRI prefix of the platform's schemas; mapped to {@code classpath:schemas/}. */
    public static final String SCHEMA_BASE = "https://schemas.mosaic.io/";

    /** Draft 2020-12, with the platform's schemas resolved from the class path rather than the network. */
    public static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:schemas/")));

    // Format assertions are off by default in 2020-12; problems must point with JSON Pointers, in one language.
    public static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .locale(Locale.ENGLISH)
            .build();

    private JsonSchemas() {
    }
}
