package io.mosaic.runtime.form;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.SaveHooks;
import io.mosaic.runtime.metadata.PublishCaches;

/**
 * A counter per form that every write of its records moves on (create, import, update, delete, restore, workflow
 * status: {@link SaveHooks#written}), so that results computed over a form's data can be cached under the versions
 * they read and are never served after a change. Counted in this node only; several nodes each count their own
 * writes, which a shared cache would have to replace.
 */
@Component
public class FormDataVersions {

    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();

    public long version(String app, String form) {
        return counter(app, form).get();
    }

    /**
     * Moves the counter now and again when the writing transaction ends: a result read between the write and its
     * commit (which still sees the old data) must not outlive the commit under the new version.
     */
    void changed(String app, String form) {
        AtomicLong counter = counter(app, form);
        PublishCaches.forgetNowAndAfterTransaction(counter::incrementAndGet);
    }

    /** {@code hooks} plus the counting of writes. */
    SaveHooks counting(String app, String form, SaveHooks hooks) {
        return new SaveHooks() {
            @Override
            public void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
                hooks.beforeSave(record, stored, actor, locale);
            }

            @Override
            public void afterSave(Connection connection, long id, ObjectNode record, ObjectNode stored, Actor actor)
                    throws SQLException {
                hooks.afterSave(connection, id, record, stored, actor);
            }

            @Override
            public void afterCompletion(boolean committed) {
                hooks.afterCompletion(committed);
            }

            @Override
            public void written() {
                hooks.written();
                changed(app, form);
            }
        };
    }

    private AtomicLong counter(String app, String form) {
        return versions.computeIfAbsent(app + "/" + form, key -> new AtomicLong());
    }
}
