package io.mosaic.runtime.form;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mosaic.form.record.types.FieldTypeDescriptor;
import io.mosaic.form.record.types.FieldTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The field types forms may use, as their descriptors say, for designers and integrators. */
@Tag(name = "Forms")
@RestController
@PreAuthorize("isAuthenticated()")
public class FieldTypeController {

    public record FieldTypeInfo(String key, String category, Map<String, String> name, boolean platformSet) {

        static FieldTypeInfo of(FieldTypeDescriptor descriptor) {
            return new FieldTypeInfo(descriptor.type().key(), descriptor.category().name().toLowerCase(Locale.ROOT),
                    Map.of("zh-CN", descriptor.name().zhCN(), "en", descriptor.name().en()), descriptor.platformSet());
        }
    }

    @Operation(summary = "Every field type: key (as in *.form.json), palette category, zh-CN/en name, and whether the "
            + "platform sets its values (serial, formula)")
    @GetMapping("/api/field-types")
    List<FieldTypeInfo> fieldTypes() {
        return FieldTypes.all().stream().map(FieldTypeInfo::of).toList();
    }
}
