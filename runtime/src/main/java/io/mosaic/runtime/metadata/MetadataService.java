package io.mosaic.runtime.metadata;

import java.util.List;
import java.util.Optional;

/**
 * The metadata repository: apps and their definitions, each with a draft and immutable numbered
 * published versions. Content is stored verbatim; every save and publish runs the kind's validator
 * ({@link io.mosaic.api.definition.DefinitionKind}) and a bad definition is rejected whole with
 * {@link io.mosaic.runtime.web.ApiException#invalidDefinition} (HTTP 422, problems with pointers).
 *
 * <p>Methods join the caller's transaction, so a template pack import can apply many of them
 * atomically. Publishing fires {@link DefinitionPublished} inside the transaction: a listener that
 * fails rolls the publish back.
 */
public interface MetadataService {

    /** Kind key of app manifests; the manifest's definition key is the app key. */
    String APP_KIND = "app";

    List<App> apps();

    Optional<App> app(String appKey);

    /** Creates an app with a draft manifest. 409 when the key is taken, 422 when the manifest is invalid. */
    App createApp(String appKey, String manifest, String actor);

    /** Definitions of an app, optionally of one kind (null for all), without content. */
    List<DefinitionSummary> definitions(String appKey, String kind);

    /** One definition with its draft content (or the published content when there is no draft). 404 when absent. */
    Definition definition(String appKey, String kind, String key);

    /** Validates and stores a draft, creating the definition when new. Published versions are untouched. */
    Definition saveDraft(String appKey, String kind, String key, String content, String actor);

    /** Drops the draft so the published version is current again. 409 when the definition was never published. */
    void discardDraft(String appKey, String kind, String key);

    /**
     * Publishes the draft as the next immutable version: validates it, checks with the kind that the
     * change loses no data against the current published version, stores it, fires {@link DefinitionPublished}.
     * 409 when there is no draft to publish.
     */
    DefinitionVersion publish(String appKey, String kind, String key, String comment, String actor);

    /**
     * Saves {@code content} as a draft and publishes it in one step, as a template pack does. When the
     * content equals the current published version nothing is written and that version is returned.
     */
    DefinitionVersion publishContent(String appKey, String kind, String key, String content, String comment,
                                     String actor);

    /** Published versions, newest first, without content. */
    List<DefinitionVersion> versions(String appKey, String kind, String key);

    /** One published version with its content. 404 when absent. */
    DefinitionVersion version(String appKey, String kind, String key, int version);

    /** The newest published version with its content; empty when the app, the definition or a published version is missing. */
    Optional<DefinitionVersion> latestPublished(String appKey, String kind, String key);

    /** The draft against the newest published version. */
    DefinitionDiff diff(String appKey, String kind, String key);
}
