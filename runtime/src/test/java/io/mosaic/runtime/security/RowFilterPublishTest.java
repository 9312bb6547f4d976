package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/** Publishing an app whose grant row filter names what its forms lack is refused at the condition's pointer. */
class RowFilterPublishTest extends SecurityTestSupport {

    @Autowired
    MetadataService metadata;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "region|contains|$dealer.level|/roles/0/grants/0/rowFilter/0/field|The form 'notice' has no field 'region' that contains can compare (contains needs a multi-select or checkbox)",
            "levels|eq|$dealer.level|/roles/0/grants/0/rowFilter/0/field|The form 'notice' has no field 'levels' that eq can compare",
            "levels|contains|$dealer.grade|/roles/0/grants/0/rowFilter/0/value|No published form 'dealer' has a field 'grade' to read of the reader's dealer record",
            "levels|contains|$agent.level|/roles/0/grants/0/rowFilter/0/value|No published form 'agent' has a field 'level' to read of the reader's dealer record"})
    void refusesARowFilterOfWhatTheFormsLack(String field, String op, String value, String pointer, String message) {
        String app = unique("rf").toLowerCase();
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "公告", "en": "Notices"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "经销商", "en": "Dealer"},
                            "grants": [{"form": "notice", "actions": ["read"], "rowScope": "all",
                                        "rowFilter": [{"field": "%s", "op": "%s", "value": "%s", "orBlank": true}]}]}],
                 "definitions": [{"kind": "form", "key": "dealer"}, {"kind": "form", "key": "notice"}]}"""
                .formatted(app, unique("dealer"), field, op, value);
        metadata.createApp(app, manifest, "analyst");
        metadata.publishContent(app, "form", "dealer", """
                {"key": "dealer", "name": {"zh-CN": "经销商", "en": "Dealer"},
                 "fields": [{"key": "level", "type": "text", "label": {"zh-CN": "等级", "en": "Level"}}]}""", null, "analyst");
        metadata.publishContent(app, "form", "notice", """
                {"key": "notice", "name": {"zh-CN": "公告", "en": "Notice"},
                 "fields": [{"key": "region", "type": "text", "label": {"zh-CN": "区域", "en": "Region"}},
                            {"key": "levels", "type": "multiselect", "label": {"zh-CN": "等级", "en": "Levels"},
                             "options": [{"value": "A", "label": {"zh-CN": "A", "en": "A"}}]}]}""", null, "analyst");

        assertThatThrownBy(() -> metadata.publishContent(app, MetadataService.APP_KIND, app, manifest, null, "analyst"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problems())
                        .extracting(ApiError.Problem::pointer, ApiError.Problem::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, message)));
        assertThat(metadata.latestPublished(app, MetadataService.APP_KIND, app)).isEmpty();
    }
}
