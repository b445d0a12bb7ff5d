package io.rivulet.plan;

import io.rivulet.query.Condition;
import io.rivulet.query.SortOrder;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.RelationDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One relation to load with the rows of its parent collection, with its own options and the
 * relations to load below it.
 */
public record Include(
        RelationDescriptor relation,
        CollectionDescriptor target,
        Optional<Condition> where,
        List<SortOrder> orderBy,
        Map<String, Boolean> columns,
        Optional<Integer> limit,
        List<Include> children) {

    public Include {
        orderBy = List.copyOf(orderBy);
        columns = Map.copyOf(columns);
        children = List.copyOf(children);
    }
}
