package io.rivulet.query;

/**
 * How large a {@code where} tree a client may send: at most {@code maxNodes} nodes (every
 * {@code and}, {@code or}, {@code not} and field test counts one) nested at most {@code maxDepth}
 * deep (a lone field test is depth 1). A limit of 0 or less disables it. The tree is refused while
 * it is parsed, before any query text exists: a wide {@code or} never reaches the database.
 */
public record ConditionLimits(int maxNodes, int maxDepth) {

    /** The defaults of {@code rivulet.limits.max-where-nodes} and {@code rivulet.limits.max-where-depth}. */
    public static final ConditionLimits DEFAULT = new ConditionLimits(500, 16);

    /** No limit: for trees the server builds itself. */
    public static final ConditionLimits NONE = new ConditionLimits(0, 0);

    boolean tooMany(int nodes) {
        return maxNodes > 0 && nodes > maxNodes;
    }

    boolean tooDeep(int depth) {
        return maxDepth > 0 && depth > maxDepth;
    }
}
