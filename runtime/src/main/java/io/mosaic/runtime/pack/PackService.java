package io.mosaic.runtime.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.app.Semver;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.api.FormKind;
import io.mosaic.runtime.form.FormPublishCheck;
import io.mosaic.runtime.form.FormTables;
import io.mosaic.runtime.metadata.DefinitionSummary;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.role.GrantJson;
import io.mosaic.runtime.security.role.RoleGrant;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Template packs: an app's published definitions as a zip with a checksummed manifest, exported from one
 * installation and installed or upgraded on another.
 *
 * <p>Import checks everything first — the archive, the checksums, the platform range, every definition
 * with its kind, the version against the installed one, and with each kind that an upgrade loses no
 * data — and only then writes, in one transaction: a pack is applied whole or not at all.
 */
@Service
public class PackService {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final List<String> PUBLISH_ORDER = List.of(FormKind.KEY, "process", "flow", "rules", "decision",
            "dataset", "report", "dashboard");

    private final MetadataService metadata;
    private final DefinitionKinds kinds;
    private final PackReader reader;
    private final ObjectMapper json;
    private final Semver platformVersion;
    private final FormTables formTables;
    private final RoleService roles;

    public PackService(MetadataService metadata, DefinitionKinds kinds, PackLimits limits,
                       ObjectMapper json, @Value("${mosaic.platform-version}") String platformVersion,
                       FormTables formTables, RoleService roles) {
        this.metadata = metadata;
        this.formTables = formTables;
        this.roles = roles;
        this.kinds = kinds;
        this.reader = new PackReader(limits);
        this.json = json;
        this.platformVersion = Semver.parse(platformVersion.replace("-SNAPSHOT", ""));
    }

    public PackFiles read(InputStream zip) {
        return reader.read(zip);
    }

    /** Everything the import would do, writing nothing; throws what the import would refuse. */
    @Transactional(readOnly = true)
    public ImportPlan plan(PackFiles pack) {
        return inspect(pack).plan();
    }

    /** Installs or upgrades the app from the pack, all or nothing. */
    @Transactional(rollbackFor = Exception.class)
    public ImportPlan install(PackFiles pack, String actor) {
        Inspection inspection = inspect(pack);
        ImportPlan plan = inspection.plan();
        String app = plan.app();
        if (metadata.app(app).isEmpty()) {
            metadata.createApp(app, inspection.appJson(), actor);
        }
        String comment = "Pack " + app + " " + plan.toVersion();
        // Publishing checks a definition against the published ones it names (a flow's form and process, a report's
        // dataset), so kinds go in that order, whatever order the pack lists them in; within a kind, the pack's.
        plan.changes().stream()
                .filter(change -> change.change().equals("add") || change.change().equals("update"))
                .sorted(Comparator.comparingInt(change -> publishOrder(change.kind())))
                .forEach(change -> metadata.publishContent(app, change.kind(), change.key(), pack.text(change.file()),
                        comment, actor));
        // The manifest goes last: an app's published manifest is what says the app (at this version) is installed.
        // Publishing the manifest also installs its roles and grants (AppManifestRoles).
        metadata.publishContent(app, MetadataService.APP_KIND, app, inspection.appJson(), comment, actor);
        return plan.asApplied();
    }

    /**
     * The app's newest published definitions as a pack zip. 404 when the app has never been published. Definitions
     * published in the designer but not listed in the app manifest's {@code definitions} are exported too, listed in
     * the exported app.json after the manifest's own, so that the pack carries the whole app (an import publishes
     * them in the order of their kinds, see {@link #install}).
     */
    @Transactional(readOnly = true)
    public Export export(String app) {
        DefinitionVersion manifestVersion = metadata.latestPublished(app, MetadataService.APP_KIND, app)
                .orElseThrow(() -> ApiException.notFound("Published app '" + app + "'"));
        AppManifest manifest = AppManifest.read(manifestVersion.content());
        Set<String> listed = new LinkedHashSet<>();
        List<AppManifest.DefinitionRef> refs = new ArrayList<>(manifest.definitions());
        refs.forEach(ref -> listed.add(ref.kind() + "/" + ref.key()));
        List<AppManifest.DefinitionRef> unlisted = metadata.definitions(app, null).stream()
                .filter(s -> !s.kind().equals(MetadataService.APP_KIND) && s.publishedVersion() != null
                        && !listed.contains(s.kind() + "/" + s.key()))
                .sorted(Comparator.comparing(DefinitionSummary::kind).thenComparing(DefinitionSummary::key))
                .map(s -> new AppManifest.DefinitionRef(s.kind(), s.key()))
                .toList();
        refs.addAll(unlisted);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackManifest.APP, exportedManifest(app, manifest, manifestVersion.content(), unlisted)
                .getBytes(StandardCharsets.UTF_8));
        for (AppManifest.DefinitionRef ref : refs) {
            DefinitionKind kind = kinds.find(ref.kind()).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
                    "pack.unknown_kind", "The app lists a definition of kind '" + ref.kind() + "', which this installation does not know"));
            DefinitionVersion version = metadata.latestPublished(app, ref.kind(), ref.key())
                    .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "pack.unpublished",
                            "The app lists " + ref.kind() + " '" + ref.key() + "', which has no published version yet"));
            files.put(ref.key() + kind.fileSuffix(), version.content().getBytes(StandardCharsets.UTF_8));
        }
        return new Export(app + "-" + manifest.version() + ".zip", zip(manifest, files));
    }

    /**
     * The published manifest as the pack carries it: the {@code unlisted} definitions appended to its
     * {@code definitions}, and its roles as they are granted on the app now when the Roles page has changed them
     * since it was published (grants edited, removed or given to another role), since an import replaces the roles'
     * grants on the app with the manifest's. With neither, the published text, byte for byte.
     */
    private String exportedManifest(String app, AppManifest manifest, String published,
                                    List<AppManifest.DefinitionRef> unlisted) {
        Map<String, AppManifest.Role> granted = roles.onApp(app);
        Map<String, Set<AppManifest.Grant>> declared = new LinkedHashMap<>();
        manifest.roles().forEach(role -> declared.put(role.key(), Set.copyOf(role.grants())));
        Map<String, Set<AppManifest.Grant>> current = new LinkedHashMap<>();
        declared.keySet().forEach(key -> current.put(key, Set.of()));
        granted.forEach((key, role) -> current.put(key, Set.copyOf(role.grants())));
        boolean regranted = !current.equals(declared);
        if (unlisted.isEmpty() && !regranted) {
            return published;
        }
        try {
            ObjectNode out = (ObjectNode) json.readTree(published);
            ArrayNode definitions = out.withArray("definitions");
            unlisted.forEach(ref -> definitions.addObject().put("kind", ref.kind()).put("key", ref.key()));
            if (regranted) {
                ArrayNode roleNodes = out.withArray("roles");
                Set<String> written = new HashSet<>();
                for (JsonNode node : roleNodes) {
                    String key = node.path("key").asText();
                    written.add(key);
                    AppManifest.Role role = granted.get(key);
                    ((ObjectNode) node).set("grants", grantNodes(app, role == null ? List.of() : role.grants()));
                }
                granted.values().stream().filter(role -> !written.contains(role.key())).forEach(role -> {
                    ObjectNode node = roleNodes.addObject().put("key", role.key());
                    node.putObject("name").put("zh-CN", role.name().zhCN()).put("en", role.name().en());
                    node.set("grants", grantNodes(app, role.grants()));
                });
            }
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A published app manifest is not JSON", e);
        }
    }

    /** Grants as a manifest spells them (the Roles API's spelling without the app). */
    private ArrayNode grantNodes(String app, List<AppManifest.Grant> grants) {
        ArrayNode nodes = json.createArrayNode();
        for (AppManifest.Grant grant : grants) {
            ObjectNode node = json.valueToTree(GrantJson.of(new RoleGrant(app, grant.form(), grant.actions(),
                    grant.rowScope(), grant.fields(), grant.rowFilter())));
            node.remove("app");
            if (node.path("fields").isEmpty()) {
                node.remove("fields");
            }
            if (node.path("rowFilter").isNull()) {
                node.remove("rowFilter");
            }
            nodes.add(node);
        }
        return nodes;
    }

    /** Where a kind's definitions are published in an import: after the kinds they may name. */
    private static int publishOrder(String kind) {
        int index = PUBLISH_ORDER.indexOf(kind);
        return index < 0 ? PUBLISH_ORDER.size() : index;
    }

    /** A zip built by {@link #export}. */
    public record Export(String fileName, byte[] zip) {
    }

    /** Builds a pack from definition files (app.json plus definitions), adding the checksummed manifest. */
    public byte[] pack(Map<String, byte[]> files) {
        return zip(AppManifest.read(new String(files.get(PackManifest.APP), StandardCharsets.UTF_8)), files);
    }

    private byte[] zip(AppManifest manifest, Map<String, byte[]> files) {
        ObjectNode packManifest = json.createObjectNode();
        packManifest.put("key", manifest.key());
        packManifest.put("version", manifest.version().toString());
        packManifest.put("platform", manifest.platform().toString());
        ObjectNode checksums = packManifest.putObject("files");
        files.forEach((name, bytes) -> checksums.put(name, DigestUtils.sha256Hex(bytes)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, PackManifest.MANIFEST, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(packManifest));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing a zip in memory failed", e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(946684800000L); // fixed, so that exporting the same versions twice gives the same bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private Inspection inspect(PackFiles pack) {
        List<DefinitionProblem> problems = new ArrayList<>();
        JsonNode packManifest = readManifest(pack);
        checkChecksums(pack, packManifest, problems);
        throwIfAny(problems, "The pack's files do not match its manifest");

        String appJson = pack.text(PackManifest.APP);
        if (appJson == null) {
            throw PackReader.rejected(PackManifest.APP, "The pack has no app.json");
        }
        DefinitionKind appKind = kinds.find(MetadataService.APP_KIND).orElseThrow();
        String packKey = packManifest.path("key").asText();
        prefixed(PackManifest.APP, appKind.validate(packKey, appJson), problems);
        throwIfAny(problems, "The pack's app.json is not a valid app manifest");
        AppManifest manifest = AppManifest.read(appJson);
        if (!manifest.version().toString().equals(packManifest.path("version").asText())) {
            problems.add(new DefinitionProblem(PackManifest.APP + "#/version", "app.json says version " + manifest.version()
                    + " but manifest.json says " + packManifest.path("version").asText()));
        }
        if (!manifest.platform().satisfiedBy(platformVersion)) {
            problems.add(new DefinitionProblem(PackManifest.APP + "#/platform", "The pack needs platform " + manifest.platform()
                    + "; this installation runs " + platformVersion));
        }

        Map<String, DefinitionFile> definitions = new LinkedHashMap<>();
        for (String name : pack.names()) {
            if (name.equals(PackManifest.MANIFEST) || name.equals(PackManifest.APP)) {
                continue;
            }
            Optional<DefinitionKind> kind = name.contains("/") ? Optional.empty() : kinds.forFileName(name);
            if (kind.isEmpty()) {
                problems.add(new DefinitionProblem(name, "Not a definition file this platform knows (expected <key>"
                        + String.join(", <key>", kinds.all().stream().map(DefinitionKind::fileSuffix).toList())
                        + " at the top of the pack)"));
                continue;
            }
            String key = name.substring(0, name.length() - kind.get().fileSuffix().length());
            if (!KEY.matcher(key).matches()) {
                problems.add(new DefinitionProblem(name, "The file name must be a definition key (lower-case letters, digits and"
                        + " '_', starting with a letter) followed by " + kind.get().fileSuffix()));
                continue;
            }
            prefixed(name, kind.get().validate(key, pack.text(name)), problems);
            definitions.put(kind.get().key() + "/" + key, new DefinitionFile(kind.get(), key, name));
        }
        Set<String> listed = new LinkedHashSet<>();
        for (AppManifest.DefinitionRef ref : manifest.definitions()) {
            listed.add(ref.kind() + "/" + ref.key());
            if (!definitions.containsKey(ref.kind() + "/" + ref.key())) {
                problems.add(new DefinitionProblem(PackManifest.APP + "#/definitions",
                        "app.json lists " + ref.kind() + " '" + ref.key() + "' but the pack has no file for it"));
            }
        }
        definitions.forEach((id, file) -> {
            if (!listed.contains(id)) {
                problems.add(new DefinitionProblem(file.name(), "The file is not listed in app.json's definitions"));
            }
        });
        throwIfAny(problems, "The pack is not valid");
        return new Inspection(manifest, appJson, planChanges(manifest, definitions, pack));
    }

    private ImportPlan planChanges(AppManifest manifest, Map<String, DefinitionFile> definitions, PackFiles pack) {
        String app = manifest.key();
        Optional<DefinitionVersion> installed = metadata.latestPublished(app, MetadataService.APP_KIND, app);
        Semver fromVersion = installed.map(v -> AppManifest.read(v.content()).version()).orElse(null);
        if (fromVersion != null) {
            int order = manifest.version().compareTo(fromVersion);
            if (order < 0) {
                throw new ApiException(HttpStatus.CONFLICT, "pack.downgrade", "Version " + fromVersion + " of '" + app
                        + "' is installed; installing the older " + manifest.version() + " is refused");
            }
            if (order == 0) {
                throw new ApiException(HttpStatus.CONFLICT, "pack.same_version", "Version " + fromVersion + " of '" + app
                        + "' is installed already");
            }
        }
        Map<String, DefinitionSummary> existing = new LinkedHashMap<>();
        if (metadata.app(app).isPresent()) {
            for (DefinitionSummary summary : metadata.definitions(app, null)) {
                if (!summary.kind().equals(MetadataService.APP_KIND)) {
                    existing.put(summary.kind() + "/" + summary.key(), summary);
                }
            }
        }
        List<ImportPlan.Change> changes = new ArrayList<>();
        List<DefinitionProblem> lossy = new ArrayList<>();
        for (DefinitionFile file : inPublishOrder(definitions.values(), pack)) {
            String content = pack.text(file.name());
            DefinitionSummary summary = existing.remove(file.kind().key() + "/" + file.key());
            Optional<DefinitionVersion> published = summary == null || summary.publishedVersion() == null
                    ? Optional.empty() : metadata.latestPublished(app, file.kind().key(), file.key());
            String note = summary != null && summary.hasDraft() ? "the local draft is replaced" : null;
            String previous = published.map(DefinitionVersion::content).orElse(null);
            if (published.isEmpty()) {
                changes.add(change(app, file, "add", note, null, content));
            } else if (previous.equals(content)) {
                changes.add(new ImportPlan.Change(file.kind().key(), file.key(), file.name(), "unchanged", note, List.of()));
            } else {
                List<DefinitionProblem> losses = file.kind().checkUpgrade(file.key(), previous, content);
                prefixed(file.name(), losses, lossy);
                changes.add(losses.isEmpty() ? change(app, file, "update", note, previous, content)
                        : new ImportPlan.Change(file.kind().key(), file.key(), file.name(), "update", note, List.of()));
            }
        }
        for (DefinitionSummary kept : existing.values()) {
            changes.add(new ImportPlan.Change(kept.kind(), kept.key(), null, "kept",
                    "installed but not in the pack: kept as it is", List.of()));
        }
        if (!lossy.isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, "pack.data_loss", "Upgrading '" + app + "' to " + manifest.version()
                    + " would lose data; nothing was changed", toApi(lossy));
        }
        return new ImportPlan(app, manifest.name().zhCN(), manifest.name().en(), fromVersion == null ? "install" : "upgrade",
                fromVersion == null ? null : fromVersion.toString(), manifest.version().toString(), changes, manifest.roles().stream().map(AppManifest.Role::key).toList(), false);
    }

    /**
     * The pack's files in its order, except that a form the pack's other forms LOOKUP comes just before the first of
     * them: publishing a form checks that what it looks up is published.
     */
    private static List<DefinitionFile> inPublishOrder(Collection<DefinitionFile> files, PackFiles pack) {
        Map<String, DefinitionFile> forms = new LinkedHashMap<>();
        files.stream().filter(f -> FormKind.KEY.equals(f.kind().key())).forEach(f -> forms.put(f.key(), f));
        List<DefinitionFile> ordered = new ArrayList<>();
        for (DefinitionFile file : files) {
            if (FormKind.KEY.equals(file.kind().key())) {
                afterItsLookups(file, forms, pack, ordered, new HashSet<>());
            } else {
                ordered.add(file);
            }
        }
        return ordered;
    }

    private static void afterItsLookups(DefinitionFile form, Map<String, DefinitionFile> forms, PackFiles pack,
                                        List<DefinitionFile> ordered, Set<String> visiting) {
        if (ordered.contains(form) || !visiting.add(form.key())) {
            return;
        }
        for (String target : FormPublishCheck.lookedUpForms(pack.text(form.name()))) {
            if (forms.containsKey(target)) {
                afterItsLookups(forms.get(target), forms, pack, ordered, visiting);
            }
        }
        ordered.add(form);
    }

    /** A form's change lists the DDL it would run, planned from the definitions as a dry run must be. */
    private ImportPlan.Change change(String app, DefinitionFile file, String change, String note, String previous,
                                     String content) {
        List<String> ddl = FormKind.KEY.equals(file.kind().key())
                ? formTables.plannedStatements(app, previous, content) : List.of();
        return new ImportPlan.Change(file.kind().key(), file.key(), file.name(), change, note, ddl);
    }

    private JsonNode readManifest(PackFiles pack) {
        String text = pack.text(PackManifest.MANIFEST);
        if (text == null) {
            throw PackReader.rejected(PackManifest.MANIFEST, "The pack has no manifest.json");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw PackReader.rejected(PackManifest.MANIFEST, "manifest.json is not valid JSON: " + e.getOriginalMessage());
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw PackReader.rejected(PackManifest.MANIFEST, "manifest.json must be a JSON object");
        }
        if (!KEY.matcher(node.path("key").asText()).matches()) {
            problems.add(new DefinitionProblem(PackManifest.MANIFEST + "#/key", "A valid app key is required"));
        }
        if (!node.path("files").isObject()) {
            problems.add(new DefinitionProblem(PackManifest.MANIFEST + "#/files", "An object of file name to SHA-256 is required"));
        }
        throwIfAny(problems, "manifest.json is not valid");
        return node;
    }

    private static void checkChecksums(PackFiles pack, JsonNode packManifest, List<DefinitionProblem> problems) {
        JsonNode files = packManifest.path("files");
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> listed = it.next();
            String expected = listed.getValue().asText();
            if (!HEX_SHA256.matcher(expected).matches()) {
                problems.add(new DefinitionProblem(PackManifest.MANIFEST + "#/files/" + escape(listed.getKey()),
                        "Not a lower-case hex SHA-256"));
            } else if (!pack.has(listed.getKey())) {
                problems.add(new DefinitionProblem(listed.getKey(), "Listed in manifest.json but missing from the pack"));
            } else if (!DigestUtils.sha256Hex(pack.bytes(listed.getKey())).equals(expected)) {
                problems.add(new DefinitionProblem(listed.getKey(), "The file's SHA-256 does not match manifest.json"));
            }
        }
        for (String name : pack.names()) {
            if (!name.equals(PackManifest.MANIFEST) && !files.has(name)) {
                problems.add(new DefinitionProblem(name, "The file is not listed in manifest.json"));
            }
        }
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static void prefixed(String file, List<DefinitionProblem> found, List<DefinitionProblem> into) {
        for (DefinitionProblem problem : found) {
            into.add(new DefinitionProblem(problem.pointer().isEmpty() ? file : file + "#" + problem.pointer(),
                    problem.message()));
        }
    }

    private static void throwIfAny(List<DefinitionProblem> problems, String message) {
        if (!problems.isEmpty()) {
            throw new PackRejectedException(message, problems);
        }
    }

    private static List<ApiError.Problem> toApi(List<DefinitionProblem> problems) {
        return problems.stream().map(p -> new ApiError.Problem(p.pointer(), p.message())).toList();
    }

    private record DefinitionFile(DefinitionKind kind, String key, String name) {
    }

    private record Inspection(AppManifest manifest, String appJson, ImportPlan plan) {
    }
}
