package io.rivulet.query;

/**
 * The limits of one search query, checked while it is parsed (a limit of 0 or less disables it):
 * the {@code keys} list (a key lookup's, {@link SearchQuery#isKeyLookup()}, may be longer), the
 * {@code where} tree of the query and of every include level, and the include tree's depth and its
 * number of relations (all levels together).
 */
public record QueryLimits(int maxKeys, int maxLookupKeys, ConditionLimits where, int maxIncludeDepth,
        int maxIncludeRelations) {

    /** The defaults of the {@code rivulet.limits.*} settings. */
    public static final QueryLimits DEFAULT = new QueryLimits(1000, 50_000, ConditionLimits.DEFAULT, 5, 50);
}
