package io.mosaic.runtime.metadata;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.runtime.web.ApiException;

/** The metadata repository over HTTP: reads for every signed-in user who sees the app, writes for designers. */
@RestController
@RequestMapping("/api")
@PreAuthorize("isAuthenticated()")
public class MetadataController {

    private static final String DESIGNERS = "hasAnyRole('admin','analyst')";
    private static final String DEFINITION = "/apps/{app}/definitions/{kind}/{key}";

    private final MetadataService metadata;
    private final DefinitionKinds kinds;
    private final AppAccess access;
    private final ObjectMapper json;

    MetadataController(MetadataService metadata, DefinitionKinds kinds, AppAccess access, ObjectMapper json) {
        this.metadata = metadata;
        this.kinds = kinds;
        this.access = access;
        this.json = json;
    }

    public record KindView(String key, String fileSuffix, String format, String nameZh, String nameEn) {
    }

    public record CreateApp(String key, @NotNull JsonNode manifest) {
    }

    public record PublishRequest(String comment) {
    }

    public record AppMenu(String app, JsonNode name, List<JsonNode> menus) {
    }

    @GetMapping("/definition-kinds")
    List<KindView> kinds() {
        return kinds.all().stream().map(MetadataController::view).toList();
    }

    @GetMapping("/apps")
    List<App> apps(Authentication user) {
        return metadata.apps().stream().filter(app -> access.canSee(user, app.key())).toList();
    }

    @PostMapping("/apps")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(DESIGNERS)
    App createApp(@Valid @RequestBody CreateApp request, Authentication user) throws JsonProcessingException {
        // Pretty-printed so that the stored manifest reads well in exports and line diffs.
        String manifest = json.writerWithDefaultPrettyPrinter().writeValueAsString(request.manifest());
        return metadata.createApp(request.key(), manifest, user.getName());
    }

    @GetMapping("/apps/{app}")
    App app(@PathVariable String app, Authentication user) {
        return visibleApp(app, user);
    }

    @GetMapping("/apps/{app}/menu")
    AppMenu menu(@PathVariable String app, Authentication user) throws JsonProcessingException {
        App found = visibleApp(app, user);
        var published = metadata.latestPublished(app, MetadataService.APP_KIND, app);
        if (published.isEmpty()) {
            ObjectNode name = json.createObjectNode().put("zh-CN", found.nameZh()).put("en", found.nameEn());
            return new AppMenu(app, name, List.of());
        }
        JsonNode manifest = json.readTree(published.get().content());
        return new AppMenu(app, manifest.path("name"), access.visibleMenus(user, manifest.path("menus")));
    }

    @GetMapping("/apps/{app}/definitions")
    List<DefinitionSummary> definitions(@PathVariable String app, @RequestParam(required = false) String kind,
                                        Authentication user) {
        visibleApp(app, user);
        return metadata.definitions(app, kind);
    }

    @GetMapping(DEFINITION)
    Definition definition(@PathVariable String app, @PathVariable String kind, @PathVariable String key,
                          Authentication user) {
        visibleApp(app, user);
        return metadata.definition(app, kind, key);
    }

    @PutMapping(DEFINITION)
    @PreAuthorize(DESIGNERS)
    Definition saveDraft(@PathVariable String app, @PathVariable String kind, @PathVariable String key,
                         @RequestBody String content, Authentication user) {
        return metadata.saveDraft(app, kind, key, content, user.getName());
    }

    @DeleteMapping(DEFINITION + "/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(DESIGNERS)
    void discardDraft(@PathVariable String app, @PathVariable String kind, @PathVariable String key) {
        metadata.discardDraft(app, kind, key);
    }

    @PostMapping(DEFINITION + "/publish")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(DESIGNERS)
    DefinitionVersion publish(@PathVariable String app, @PathVariable String kind, @PathVariable String key,
                              @RequestBody(required = false) PublishRequest request, Authentication user) {
        return metadata.publish(app, kind, key, request == null ? null : request.comment(), user.getName());
    }

    @GetMapping(DEFINITION + "/versions")
    List<DefinitionVersion> versions(@PathVariable String app, @PathVariable String kind, @PathVariable String key,
                                     Authentication user) {
        visibleApp(app, user);
        return metadata.versions(app, kind, key);
    }

    @GetMapping(DEFINITION + "/versions/{version}")
    DefinitionVersion version(@PathVariable String app, @PathVariable String kind, @PathVariable String key,
                              @PathVariable int version, Authentication user) {
        visibleApp(app, user);
        return metadata.version(app, kind, key, version);
    }

    @GetMapping(DEFINITION + "/diff")
    DefinitionDiff diff(@PathVariable String app, @PathVariable String kind, @PathVariable String key,
                        Authentication user) {
        visibleApp(app, user);
        return metadata.diff(app, kind, key);
    }

    /** An app the user may not see answers exactly like one that does not exist. */
    private App visibleApp(String appKey, Authentication user) {
        return metadata.app(appKey).filter(app -> access.canSee(user, appKey))
                .orElseThrow(() -> ApiException.notFound("App '" + appKey + "'"));
    }

    private static KindView view(DefinitionKind kind) {
        return new KindView(kind.key(), kind.fileSuffix(), kind.format().name().toLowerCase(), kind.label().zhCN(),
                kind.label().en());
    }
}
