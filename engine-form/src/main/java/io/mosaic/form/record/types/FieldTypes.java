package io.mosaic.form.record.types;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.mosaic.form.api.FieldType;

/** The one place field types are registered: a type not listed here cannot be used, one listed twice fails at start. */
public final class FieldTypes {

    private static final List<FieldTypeDescriptor> ALL = List.of(
            new TextType(), new TextareaType(), new IntegerType(), new DecimalType(), new MoneyType(), new PercentType(),
            new DateType(), new DateTimeType(), new TimeType(), new SelectType(), new MultiSelectType(), new RadioType(),
            new CheckboxType(), new SwitchType(), new EmailType(), new PhoneType(), new UrlType(), new UserType(),
            new OrgType(), new LookupType(), new SubtableType(), new AttachmentType(), new ImageType(), new SerialType(),
            new FormulaType(), new RegionType(), new RichTextType());

    private static final Map<FieldType, FieldTypeDescriptor> BY_TYPE = index();

    private FieldTypes() {
    }

    private static Map<FieldType, FieldTypeDescriptor> index() {
        Map<FieldType, FieldTypeDescriptor> byType = new EnumMap<>(FieldType.class);
        for (FieldTypeDescriptor descriptor : ALL) {
            if (byType.put(descriptor.type(), descriptor) != null) {
                throw new IllegalStateException("Two descriptors for field type " + descriptor.type().key());
            }
        }
        for (FieldType type : FieldType.values()) {
            if (!byType.containsKey(type)) {
                throw new IllegalStateException("No descriptor for field type " + type.key());
            }
        }
        return Collections.unmodifiableMap(byType);
    }

    public static FieldTypeDescriptor of(FieldType type) {
        return BY_TYPE.get(type);
    }

    /** Every type, in the order the designer's palette lists them. */
    public static List<FieldTypeDescriptor> all() {
        return ALL;
    }
}
