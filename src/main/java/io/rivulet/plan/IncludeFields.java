package io.rivulet.plan;

import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The fields of an included relation's rows. */
public final class IncludeFields {

    private IncludeFields() {
    }

    /** The selected columns, plus what the client needs to normalize the rows: key and join fields, in field order. */
    public static List<FieldDescriptor> of(Include include) {
        CollectionDescriptor target = include.target();
        Set<FieldDescriptor> fields = new LinkedHashSet<>(target.primaryKey());
        include.relation().targetFields().forEach(name -> target.field(name).ifPresent(fields::add));
        fields.addAll(ColumnSelection.select(target, include.columns()));
        List<FieldDescriptor> ordered = new ArrayList<>();
        target.visibleFields().stream().filter(fields::contains).forEach(ordered::add);
        return ordered;
    }
}
