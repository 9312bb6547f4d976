package io.mosaic.runtime.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.mosaic.rule.api.DecisionTableKind;
import io.mosaic.rule.api.RuleSetKind;
import io.mosaic.rule.run.CompiledDecision;
import io.mosaic.rule.run.CompiledRules;
import io.mosaic.rule.run.RuleEngine;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.DefinitionSummary;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.metadata.PublishCaches;

/**
 * The published rule sets of each form and the published decision tables, compiled once per version (the engine
 * caches by app, key, version and checksum) and looked up per app and form until a rule set is published.
 */
@Component
public class PublishedRules {

    private final MetadataService metadata;
    private final RuleEngine engine;
    private final Map<String, List<CompiledRules>> byForm = new ConcurrentHashMap<>();

    PublishedRules(MetadataService metadata, RuleEngine engine) {
        this.metadata = metadata;
        this.engine = engine;
    }

    /** The published rule sets of a form, whatever their trigger. */
    public List<CompiledRules> of(String app, String form) {
        return byForm.computeIfAbsent(app + "/" + form, key -> {
            List<CompiledRules> found = new ArrayList<>();
            for (DefinitionSummary summary : metadata.definitions(app, RuleSetKind.KEY)) {
                metadata.latestPublished(app, RuleSetKind.KEY, summary.key())
                        .map(version -> compiled(version))
                        .filter(rules -> form.equals(rules.form()))
                        .ifPresent(found::add);
            }
            return List.copyOf(found);
        });
    }

    /** Every published rule set of every app, for the scheduler. */
    public List<AppRules> all() {
        List<AppRules> all = new ArrayList<>();
        metadata.apps().forEach(app -> {
            for (DefinitionSummary summary : metadata.definitions(app.key(), RuleSetKind.KEY)) {
                metadata.latestPublished(app.key(), RuleSetKind.KEY, summary.key())
                        .ifPresent(version -> all.add(new AppRules(app.key(), compiled(version))));
            }
        });
        return all;
    }

    /** A rule set with the app it belongs to. */
    public record AppRules(String app, CompiledRules rules) {
    }

    public CompiledRules compiled(DefinitionVersion version) {
        return engine.rules(cacheKey(version), version.content());
    }

    /** A rule set's draft, compiled for a simulation (never cached: drafts change with every save). */
    public CompiledRules draft(String app, String key, String content) {
        return engine.rules(app + "/" + key + "/draft:" + Integer.toHexString(content.hashCode()), content);
    }

    public Optional<CompiledDecision> decision(String app, String key) {
        return metadata.latestPublished(app, DecisionTableKind.KEY, key)
                .map(version -> engine.decision(cacheKey(version), version.content()));
    }

    /** The published content of a decision table. */
    public String decisionContent(String app, String key) {
        return metadata.latestPublished(app, DecisionTableKind.KEY, key).orElseThrow().content();
    }

    public CompiledDecision draftDecision(String app, String key, String content) {
        return engine.decision(app + "/" + key + "/draft:" + Integer.toHexString(content.hashCode()), content);
    }

    private static String cacheKey(DefinitionVersion version) {
        return version.appKey() + "/" + version.kind() + "/" + version.key() + "/" + version.version() + ":"
                + version.checksum();
    }

    /** Forgets a form's rule sets when a rule set is published, and again when that transaction ends. */
    @EventListener
    void onPublished(DefinitionPublished published) {
        if (RuleSetKind.KEY.equals(published.kind())) {
            String prefix = published.appKey() + "/";
            PublishCaches.forgetNowAndAfterTransaction(() -> byForm.keySet().removeIf(key -> key.startsWith(prefix)));
        }
    }
}
