package io.mosaic.runtime.metadata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

@Service
@Transactional
class MetadataServiceImpl implements MetadataService {

    /** Keys become table and column names later, so they stay short, lower case and free of anything needing quotes. */
    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,47}$");
    static final int MAX_COMMENT_LENGTH = 1000;

    private final AppMapper apps;
    private final DefinitionMapper definitions;
    private final DefinitionKinds kinds;
    private final ApplicationEventPublisher events;

    MetadataServiceImpl(AppMapper apps, DefinitionMapper definitions, DefinitionKinds kinds,
                        ApplicationEventPublisher events) {
        this.apps = apps;
        this.definitions = definitions;
        this.kinds = kinds;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<App> apps() {
        return apps.findAll();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<App> app(String appKey) {
        return Optional.ofNullable(apps.find(appKey));
    }

    @Override
    public App createApp(String appKey, String manifest, String actor) {
        Objects.requireNonNull(manifest, "manifest");
        requireKey(appKey, "/key");
        validate(kind(APP_KIND), appKey, manifest);
        if (apps.findId(appKey) != null) {
            throw ApiException.conflict("app.exists", "An app with the key '" + appKey + "' exists already");
        }
        Instant now = now();
        apps.insert(appKey, ManifestInfo.of(manifest), now);
        definitions.insert(appId(appKey), APP_KIND, appKey, manifest, actor, now);
        return apps.find(appKey);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DefinitionSummary> definitions(String appKey, String kind) {
        appId(appKey);
        if (kind != null) {
            kind(kind);
        }
        return definitions.summaries(appKey, kind);
    }

    @Override
    @Transactional(readOnly = true)
    public Definition definition(String appKey, String kind, String key) {
        kind(kind);
        appId(appKey);
        Definition definition = definitions.find(appKey, kind, key);
        if (definition == null) {
            throw notFound(kind, key);
        }
        return definition;
    }

    @Override
    public Definition saveDraft(String appKey, String kindKey, String key, String content, String actor) {
        Objects.requireNonNull(content, "content");
        DefinitionKind kind = kind(kindKey);
        requireKey(key, "key");
        requireManifestKey(appKey, kindKey, key);
        validate(kind, key, content);
        long appId = lockApp(appKey);
        Instant now = now();
        DefinitionRow row = definitions.lock(appId, kindKey, key);
        if (row == null) {
            definitions.insert(appId, kindKey, key, content, actor, now);
        } else {
            definitions.updateDraft(row.id(), content, actor, now);
        }
        if (APP_KIND.equals(kindKey)) {
            apps.updateNames(appId, ManifestInfo.of(content), now);
        }
        return definitions.find(appKey, kindKey, key);
    }

    @Override
    public void discardDraft(String appKey, String kind, String key) {
        kind(kind);
        DefinitionRow row = lockExisting(lockApp(appKey), kind, key);
        if (!row.published()) {
            throw ApiException.conflict("definition.never_published", "The " + kind + " '" + key
                    + "' has never been published, so there is no version to fall back to");
        }
        if (row.draft() == null) {
            return;
        }
        definitions.dropDraft(row);
        if (APP_KIND.equals(kind)) {
            apps.updateNames(row.appId(), ManifestInfo.of(row.publishedContent()), now());
        }
    }

    @Override
    public DefinitionVersion publish(String appKey, String kindKey, String key, String comment, String actor) {
        DefinitionKind kind = kind(kindKey);
        long appId = lockApp(appKey);
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "The comment is too long",
                    List.of(new ApiError.Problem("/comment", "at most " + MAX_COMMENT_LENGTH + " characters")));
        }
        DefinitionRow row = lockExisting(appId, kindKey, key);
        String draft = row.draft();
        if (draft == null) {
            throw ApiException.conflict("definition.no_draft", "The " + kindKey + " '" + key
                    + "' has no draft to publish");
        }
        validate(kind, key, draft);
        String previous = row.publishedContent();
        if (previous != null) {
            List<DefinitionProblem> losses = kind.checkUpgrade(key, previous, draft);
            if (!losses.isEmpty()) {
                throw new ApiException(HttpStatus.CONFLICT, "definition.data_loss", "Publishing the " + kindKey
                        + " '" + key + "' would lose data", problems(losses));
            }
        }
        DefinitionVersion version = new DefinitionVersion(appKey, kindKey, key,
                row.published() ? row.publishedVersion() + 1 : 1, draft, DigestUtils.sha256Hex(draft), now(), actor,
                comment);
        definitions.insertVersion(row.id(), version);
        definitions.markPublished(row.id(), version);
        if (APP_KIND.equals(kindKey)) {
            apps.updatePublished(appId, ManifestInfo.of(draft), version.publishedAt());
        }
        events.publishEvent(new DefinitionPublished(appKey, kindKey, key, version.version(), draft, previous));
        return version;
    }

    @Override
    public DefinitionVersion publishContent(String appKey, String kind, String key, String content, String comment,
                                            String actor) {
        Optional<DefinitionVersion> latest = latestPublished(appKey, kind, key);
        if (latest.isPresent() && latest.get().content().equals(content)) {
            return latest.get();
        }
        saveDraft(appKey, kind, key, content, actor);
        return publish(appKey, kind, key, comment, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DefinitionVersion> versions(String appKey, String kind, String key) {
        return definitions.versions(existing(appKey, kind, key).id());
    }

    @Override
    @Transactional(readOnly = true)
    public DefinitionVersion version(String appKey, String kind, String key, int version) {
        DefinitionVersion found = definitions.version(existing(appKey, kind, key).id(), version);
        if (found == null) {
            throw ApiException.notFound("Version " + version + " of the " + kind + " '" + key + "'");
        }
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DefinitionVersion> latestPublished(String appKey, String kind, String key) {
        kind(kind);
        appId(appKey);
        DefinitionRow row = definitions.findRow(appKey, kind, key);
        return row == null || !row.published() ? Optional.empty()
                : Optional.of(definitions.version(row.id(), row.publishedVersion()));
    }

    @Override
    @Transactional(readOnly = true)
    public DefinitionDiff diff(String appKey, String kindKey, String key) {
        DefinitionKind kind = kind(kindKey);
        DefinitionRow row = existing(appKey, kindKey, key);
        return DefinitionDiffs.compare(kind, key, row.publishedVersion(), row.publishedContent(), row.draft());
    }

    private DefinitionKind kind(String kindKey) {
        return kinds.find(kindKey)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "definition.unknown_kind",
                        "There is no definition kind '" + kindKey + "'; known kinds: "
                                + String.join(", ", kinds.all().stream().map(DefinitionKind::key).toList())));
    }

    private long appId(String appKey) {
        return found(apps.findId(appKey), appKey);
    }

    /**
     * Writes to one app take turns on its row. Locking only the definition row would not do: on MySQL two
     * transactions locking the same absent row both get a gap lock and then deadlock on their inserts.
     */
    private long lockApp(String appKey) {
        return found(apps.lockId(appKey), appKey);
    }

    private static long found(Long appId, String appKey) {
        if (appId == null) {
            throw ApiException.notFound("App '" + appKey + "'");
        }
        return appId;
    }

    private DefinitionRow existing(String appKey, String kind, String key) {
        kind(kind);
        appId(appKey);
        DefinitionRow row = definitions.findRow(appKey, kind, key);
        if (row == null) {
            throw notFound(kind, key);
        }
        return row;
    }

    private DefinitionRow lockExisting(long appId, String kind, String key) {
        DefinitionRow row = definitions.lock(appId, kind, key);
        if (row == null) {
            throw notFound(kind, key);
        }
        return row;
    }

    private static ApiException notFound(String kind, String key) {
        return ApiException.notFound("The " + kind + " '" + key + "'");
    }

    private static void requireKey(String key, String pointer) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid key",
                    List.of(new ApiError.Problem(pointer, "A key is a lower-case letter followed by at most 47"
                            + " lower-case letters, digits or underscores")));
        }
    }

    /** An app has exactly one manifest, stored under the app's own key. */
    private static void requireManifestKey(String appKey, String kind, String key) {
        if (APP_KIND.equals(kind) && !appKey.equals(key)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid key",
                    List.of(new ApiError.Problem("key", "The manifest of the app '" + appKey
                            + "' is stored under the key '" + appKey + "'")));
        }
    }

    private static void validate(DefinitionKind kind, String key, String content) {
        List<DefinitionProblem> problems = kind.validate(key, content);
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The " + kind.key() + " '" + key + "' is invalid", problems);
        }
    }

    private static List<ApiError.Problem> problems(List<DefinitionProblem> problems) {
        return problems.stream().map(p -> new ApiError.Problem(p.pointer(), p.message())).toList();
    }

    /** Cut to what DATETIME(3) keeps, so that what a call returns equals what a later read returns. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
