package io.mosaic.runtime.form;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.form.api.FormKind;
import io.mosaic.form.store.SchemaSync;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Keeps each form's tables in step with its published versions: publishing a form — by an analyst
 * or by a template pack — syncs its tables before the publishing transaction commits.
 *
 * <p>The DDL runs on a connection of its own, not the publishing transaction's: MySQL commits any
 * open transaction when it runs DDL, which would make a half-done publish permanent. So a sync that
 * fails rolls the publish back, while the DDL steps that did run stay; they only add, and the next
 * sync, which reads the real tables, does what is left.
 */
@Component
public class FormTables {

    private final DataSource dataSource;

    FormTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @EventListener
    void onPublished(DefinitionPublished published) {
        if (FormKind.KEY.equals(published.kind())) {
            sync(published.appKey(), published.previous(), published.content());
        }
    }

    /** The DDL publishing {@code next} would run, as a pack's dry run shows it; computed without the database. */
    public List<String> plannedStatements(String app, String previous, String next) {
        return SchemaSync.plan(app, previous, next).statements();
    }

    private void sync(String app, String previous, String next) {
        try (Connection connection = dataSource.getConnection()) {
            SchemaSync.apply(app, previous, next, connection);
        } catch (InvalidDefinitionException e) {
            throw new ApiException(HttpStatus.CONFLICT, "definition.data_loss", e.getMessage(),
                    e.problems().stream().map(p -> new ApiError.Problem(p.pointer(), p.message())).toList());
        } catch (SQLException e) {
            throw new ApiException(HttpStatus.CONFLICT, "definition.schema_sync_failed", e.getMessage());
        }
    }
}
