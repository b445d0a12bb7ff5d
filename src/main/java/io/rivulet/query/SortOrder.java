package io.rivulet.query;

/** One {@code orderBy} entry: {@code "field.asc"} or {@code "field.desc"}. */
public record SortOrder(String field, boolean descending) {
}
