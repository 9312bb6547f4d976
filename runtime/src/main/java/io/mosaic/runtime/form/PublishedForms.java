package io.mosaic.runtime.form;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.FormPermission;
import io.mosaic.api.security.PermissionService;
import io.mosaic.form.api.FormKind;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.FormulaConditionEvaluator;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.record.RecordValidators;
import io.mosaic.runtime.metadata.AppAccess;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.DefinitionVersion;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.metadata.PublishCaches;
import io.mosaic.runtime.web.ApiException;

/**
 * The newest published version of a form as a compiled record validator, for the users allowed to see it.
 * Validators are compiled once per (app, form, version) and kept by {@link RecordValidators}, one of which per
 * app: its cache is keyed by form key alone, and two apps may each have a form of the same key. The version
 * id includes the checksum so that a recreated app's version 1 is never mistaken for the old one.
 */
@Component
public class PublishedForms {

    private final MetadataService metadata;
    private final AppAccess access;
    private final PermissionService permissions;
    private final FormulaConditionEvaluator conditions = new FormulaConditionEvaluator(Clock.systemDefaultZone());
    private final Map<String, RecordValidators> byApp = new ConcurrentHashMap<>();
    /** The newest published version per app and form: read on every record call, changed only by a publish. */
    private final Map<String, Optional<DefinitionVersion>> newest = new ConcurrentHashMap<>();

    PublishedForms(MetadataService metadata, AppAccess access, PermissionService permissions) {
        this.metadata = metadata;
        this.access = access;
        this.permissions = permissions;
    }

    /** The newest published version of a form, and what the user may do with it. */
    public record Published(String app, String form, int version, String checksum, String definition,
                            RecordValidator validator, FormPermission permission) {
    }

    /**
     * The validator of the form's newest published version. 404 alike when the app or the form is missing, the
     * form was never published, the app is not visible to {@code user} or the user may not read the form: a
     * user never learns that something out of reach exists.
     */
    public RecordValidator validator(String app, String form, Authentication user) {
        return published(app, form, user).validator();
    }

    /** The form's newest published version with the user's permission on it; 404 as {@link #validator}. */
    public Published published(String app, String form, Authentication user) {
        FormPermission permission = metadata.app(app).isPresent() && access.canSee(user, app)
                ? permissions.formPermission(AppAccess.userContext(user), app, form) : FormPermission.none();
        Optional<DefinitionVersion> published = permission.allows(FormAction.READ) ? newest(app, form) : Optional.empty();
        return published.map(version -> published(app, form, version, permission))
                .orElseThrow(() -> ApiException.notFound("Form '" + form + "' of app '" + app + "'"));
    }

    /**
     * The form's newest published version for the platform's own reads, whoever asks (formulas reading a lookup's
     * target: a stored value must not depend on who saved it); it carries no permission.
     */
    public Optional<Published> latest(String app, String form) {
        return newest(app, form).map(version -> published(app, form, version, FormPermission.none()));
    }

    /** The model of the form's newest published version, for the platform's own reads as {@link #latest}. */
    public Optional<FormModel> latestModel(String app, String form) {
        return latest(app, form).map(found -> found.validator().schema().form());
    }

    private Optional<DefinitionVersion> newest(String app, String form) {
        return newest.computeIfAbsent(app + "/" + form, key -> metadata.latestPublished(app, FormKind.KEY, form));
    }

    /**
     * Forgets a form's newest version when one is published, and again when the publishing transaction ends: what
     * was read inside it may have been rolled back.
     */
    @EventListener
    void onPublished(DefinitionPublished published) {
        if (FormKind.KEY.equals(published.kind())) {
            String key = published.appKey() + "/" + published.key();
            PublishCaches.forgetNowAndAfterTransaction(() -> newest.remove(key));
        }
    }

    private Published published(String app, String form, DefinitionVersion version, FormPermission permission) {
        return new Published(app, form, version.version(), version.checksum(), version.content(),
                byApp.computeIfAbsent(app, key -> new RecordValidators(conditions))
                        .validator(form, version.version() + ":" + version.checksum(), version::content),
                permission);
    }
}
