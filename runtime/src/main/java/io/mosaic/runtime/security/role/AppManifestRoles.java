package io.mosaic.runtime.security.role;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.MetadataService;

/**
 * Keeps roles and grants in step with apps: publishing an app manifest — by an analyst or by a
 * template pack — installs the roles it declares and replaces their grants on that app, in the
 * publishing transaction.
 */
@Component
class AppManifestRoles {

    private final RoleService roles;

    AppManifestRoles(RoleService roles) {
        this.roles = roles;
    }

    @EventListener
    void onPublished(DefinitionPublished published) {
        if (MetadataService.APP_KIND.equals(published.kind())) {
            roles.upsertAppRoles(published.appKey(), AppManifest.read(published.content()).roles());
        }
    }
}
