package io.mosaic.runtime.pack;

import java.util.List;

/**
 * What importing a pack does (or did): shown as the dry-run preview, returned again after the import.
 *
 * @param app         app key
 * @param nameZh      app name in Chinese
 * @param nameEn      app name in English
 * @param mode        {@code install} (app not installed yet) or {@code upgrade}
 * @param fromVersion the installed app version, null for an install
 * @param toVersion   the pack's version
 * @param changes     one entry per definition, in the pack or installed
 * @param roles       role keys the pack defines (created when missing; their grants for this app replaced)
 * @param applied     false for a dry run
 */
public record ImportPlan(String app, String nameZh, String nameEn, String mode, String fromVersion, String toVersion,
                         List<Change> changes, List<String> roles, boolean applied) {

    /**
     * @param change {@code add}, {@code update}, {@code unchanged}, or {@code kept} (installed, not in the pack:
     *               kept as it is, never deleted)
     * @param note   extra information, e.g. that a local draft will be replaced
     * @param ddl    for a form: the statements that create or extend its tables (empty when none are needed)
     */
    public record Change(String kind, String key, String file, String change, String note, List<String> ddl) {

        public Change {
            ddl = List.copyOf(ddl);
        }
    }

    ImportPlan asApplied() {
        return new ImportPlan(app, nameZh, nameEn, mode, fromVersion, toVersion, changes, roles, true);
    }
}
