package io.mosaic.runtime.report;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.form.api.FormKind;
import io.mosaic.report.api.DatasetKind;
import io.mosaic.report.run.CompiledDataset;
import io.mosaic.report.run.FormModels;
import io.mosaic.report.run.ReportEngine;
import io.mosaic.runtime.form.PublishedForms;
import io.mosaic.runtime.metadata.Definition;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.metadata.PublishCaches;
import io.mosaic.runtime.web.ApiException;

/**
 * Datasets, reports and dashboards as the runtime runs them: published versions (or an analyst's drafts for a
 * preview), datasets compiled once per published version and per version of the forms they read, until a dataset or
 * a form is published.
 */
@Component
public class PublishedReports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetadataService metadata;
    private final PublishedForms forms;
    private final ReportEngine engine;
    private final Map<String, Compiled> datasets = new ConcurrentHashMap<>();

    PublishedReports(MetadataService metadata, PublishedForms forms, ReportEngine engine) {
        this.metadata = metadata;
        this.forms = forms;
        this.engine = engine;
    }

    /**
     * A compiled dataset and the version its results are cached under: the published version and checksum, or the
     * draft's content hash.
     */
    public record Compiled(CompiledDataset dataset, String version) {
    }

    /** A definition's content and the version it is (for cache keys). */
    public record Content(JsonNode json, String text, String version) {
    }

    /** The published dataset {@code key}, compiled; 404 when the app never published it. */
    public Compiled dataset(String app, String key) {
        Content content = published(app, DatasetKind.KEY, key);
        return datasets.computeIfAbsent(app + "/" + key + "/" + content.version(),
                cacheKey -> compile(app, content.text(), content.version()));
    }

    /** A dataset from its content (an inline or draft one), compiled for one preview and never cached. */
    public Compiled inline(String app, String content) {
        return compile(app, content, "draft:" + Integer.toHexString(content.hashCode()));
    }

    /** The newest published version of a definition; 404 when there is none. */
    public Content published(String app, String kind, String key) {
        DefinitionVersion version = metadata.latestPublished(app, kind, key).orElseThrow(() ->
                new ApiException(HttpStatus.NOT_FOUND, "not_found", "The app '" + app + "' has no published " + kind
                        + " '" + key + "'"));
        return new Content(read(version.content()), version.content(), version.version() + ":" + version.checksum());
    }

    /** The current content (the draft if there is one) of a definition; 404 when there is none. */
    public Content current(String app, String kind, String key) {
        Definition definition = metadata.definition(app, kind, key);
        return new Content(read(definition.content()), definition.content(),
                "draft:" + Integer.toHexString(definition.content().hashCode()));
    }

    /** The app's published forms as the engine reads them. */
    public FormModels forms(String app) {
        return key -> forms.latest(app, key).map(published -> published.validator().schema().form());
    }

    private Compiled compile(String app, String content, String version) {
        try {
            CompiledDataset dataset = engine.compile(app, content, forms(app));
            // The forms' versions are part of what was compiled: a form published since makes a new entry.
            return new Compiled(dataset, version + formVersions(app, dataset));
        } catch (InvalidDefinitionException e) {
            throw ApiException.invalidDefinition("The dataset does not fit the app's published forms", e.problems());
        }
    }

    private String formVersions(String app, CompiledDataset dataset) {
        StringBuilder versions = new StringBuilder();
        for (String form : dataset.forms()) {
            versions.append('/').append(form).append('@')
                    .append(forms.latest(app, form).map(PublishedForms.Published::version).orElse(0));
        }
        return versions.toString();
    }

    /** Forgets compiled datasets when a dataset or a form they read is published, and again after the transaction. */
    @EventListener
    void onPublished(DefinitionPublished published) {
        if (DatasetKind.KEY.equals(published.kind()) || FormKind.KEY.equals(published.kind())) {
            String prefix = published.appKey() + "/";
            PublishCaches.forgetNowAndAfterTransaction(() -> datasets.keySet().removeIf(key -> key.startsWith(prefix)));
        }
    }

    static JsonNode read(String content) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request.invalid", "Not JSON: " + e.getOriginalMessage());
        }
    }
}
