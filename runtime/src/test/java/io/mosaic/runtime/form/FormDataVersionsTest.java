package io.mosaic.runtime.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.SaveHooks;

class FormDataVersionsTest {

    /** Every hook of the rules reaches them through the counting wrapper, and each write moves the counter. */
    @Test
    void countingPassesEveryHookOnAndCountsWrites() throws Exception {
        List<String> calls = new ArrayList<>();
        SaveHooks rules = new SaveHooks() {
            @Override
            public void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
                calls.add("before");
            }

            @Override
            public void afterSave(Connection connection, long id, ObjectNode record, ObjectNode stored, Actor actor) {
                calls.add("after");
            }

            @Override
            public void afterCompletion(boolean committed) {
                calls.add("completion:" + committed);
            }

            @Override
            public void written() {
                calls.add("written");
            }
        };
        FormDataVersions versions = new FormDataVersions();
        SaveHooks counting = versions.counting("app", "order", rules);
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        Actor actor = new Actor(1L, null, null);

        counting.beforeSave(record, null, actor, Locale.ENGLISH);
        counting.afterSave(null, 1, record, null, actor);
        counting.afterCompletion(true);
        counting.written();

        assertThat(calls).containsExactly("before", "after", "completion:true", "written");
        assertThat(versions.version("app", "order")).isPositive();
        assertThat(versions.version("app", "other")).isZero();
    }
}
