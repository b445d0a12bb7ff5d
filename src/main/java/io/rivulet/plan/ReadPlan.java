package io.rivulet.plan;

import io.rivulet.query.Condition;
import io.rivulet.query.SortOrder;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * A read, planned once at the edge: the collection resolved, the request's search query parsed
 * and checked against it (fields, typed keys, condition, order, window, includes).
 *
 * @param fields  the fields of each row, in field order (with includes: the key too)
 * @param keys    key restriction as attribute values in primary-key order; empty: none
 * @param limit   rows at most, already clamped
 */
public record ReadPlan(
        CollectionDescriptor collection,
        List<FieldDescriptor> fields,
        Optional<Condition> where,
        List<List<Object>> keys,
        List<SortOrder> orderBy,
        int offset,
        int limit,
        List<Include> includes) {

    public ReadPlan {
        fields = List.copyOf(fields);
        keys = List.copyOf(keys);
        orderBy = List.copyOf(orderBy);
        includes = List.copyOf(includes);
    }
}
