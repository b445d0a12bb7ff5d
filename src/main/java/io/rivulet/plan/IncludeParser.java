package io.rivulet.plan;

import io.rivulet.Errors;
import io.rivulet.RstoreException;
import io.rivulet.query.Condition;
import io.rivulet.query.ConditionLimits;
import io.rivulet.query.ConditionParser;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.QueryLimits;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.query.SortOrder;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.CollectionRegistry;
import io.rivulet.schema.RelationDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads an rstore {@code include} tree (or the 0.8.4 client's {@code with}) against the
 * collections' relations, as the HEAD server converts it to Drizzle's {@code with}: keys that are
 * not relations and falsy entries are skipped; {@code true} loads the relation; an object carries
 * {@code where}, {@code orderBy}, {@code columns}, {@code limit} and a nested {@code include} —
 * or is itself the nested tree (the legacy form {@code {posts: {comments: true}}}).
 */
public final class IncludeParser {

    private final CollectionRegistry registry;
    private final int maxDepth;
    private final int maxRelations;
    private final ConditionLimits whereLimits;
    private final Consumer<CollectionDescriptor> access;

    /**
     * @param limits the include tree's depth and relations, and the where tree of every level
     * @param access checks that a relation's target may be read (the allow-list plugs in here)
     */
    public IncludeParser(CollectionRegistry registry, QueryLimits limits, Consumer<CollectionDescriptor> access) {
        this.registry = registry;
        this.maxDepth = limits.maxIncludeDepth() > 0 ? limits.maxIncludeDepth() : Integer.MAX_VALUE;
        this.maxRelations = limits.maxIncludeRelations() > 0 ? limits.maxIncludeRelations() : Integer.MAX_VALUE;
        this.whereLimits = limits.where();
        this.access = access;
    }

    public List<Include> parse(CollectionDescriptor collection, Object include) {
        return new Walk().parse(collection, include, 0);
    }

    /** One parse: counts the relations of the whole tree. */
    private final class Walk {

        private int relations;

        private List<Include> parse(CollectionDescriptor collection, Object include, int depth) {
            if (!(include instanceof Map<?, ?> map)) {
                return List.of();
            }
            if (depth >= maxDepth) {
                throw Errors.includeTooDeep(maxDepth);
            }
            List<Include> includes = new ArrayList<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                RelationDescriptor relation = collection.relations().get(String.valueOf(entry.getKey()));
                if (relation == null || isFalsy(entry.getValue())) {
                    continue;
                }
                if (++relations > maxRelations) {
                    throw Errors.includeTooLarge(maxRelations);
                }
                CollectionDescriptor target = registry.find(relation.target()).orElseThrow();
                access.accept(target);
                includes.add(entry.getValue() instanceof Map<?, ?> options
                        ? withOptions(relation, target, options, depth)
                        : new Include(relation, target, Optional.empty(), List.of(), Map.of(), Optional.empty(), List.of()));
            }
            return includes;
        }

        private Include withOptions(RelationDescriptor relation, CollectionDescriptor target, Map<?, ?> options,
                int depth) {
            Object nested = options.containsKey("include") ? options.get("include")
                    : options.containsKey("with") ? options.get("with") : options;
            List<SortOrder> orderBy = SearchQueryParser.orderBy(options.get("orderBy"));
            for (SortOrder order : orderBy) {
                target.visibleField(order.field()).orElseThrow(() -> Errors.unknownField(order.field()));
            }
            return new Include(relation, target, where(options.get("where")), orderBy,
                    SearchQueryParser.columns(options.get("columns")), SearchQueryParser.limit(options.get("limit")),
                    parse(target, nested, depth + 1));
        }

        /** Inside an include, the condition errors reach the client as they are (not as "Invalid filter"). */
        private Optional<Condition> where(Object where) {
            try {
                return ConditionParser.parse(where, whereLimits);
            } catch (InvalidConditionException e) {
                throw RstoreException.badRequest(e.getMessage());
            }
        }
    }

    /** JavaScript falsiness, as the HEAD server skips entries. */
    private static boolean isFalsy(Object value) {
        return value == null || Boolean.FALSE.equals(value) || "".equals(value)
                || value instanceof Number n && n.doubleValue() == 0;
    }
}
