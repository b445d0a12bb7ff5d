package io.rivulet.wire;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code meta.values} as a tree keyed by the path segments of the {@code json} value, so that the
 * decoder can walk both together. superjson writes annotations in two shapes, a flat
 * {@code {"a.b.0": [type]}} map and {@code [type, {childPath: annotation}]} for what sits inside a
 * set or map; child paths address the set's or map's JSON array form, so both shapes land in the
 * same tree and a node's children are decoded before its own type is applied, exactly as superjson
 * applies the child annotations first.
 */
final class AnnotationTree {

    private SuperJsonType type;
    private Map<String, AnnotationTree> children = Map.of();

    private AnnotationTree() {
    }

    /**
     * Reads the annotations of an envelope's {@code meta} member.
     *
     * @param meta the member, or null when absent
     * @return the root node, or null when nothing is annotated
     * @throws SuperJsonException if meta is malformed or names an unsupported type
     */
    static AnnotationTree fromMeta(JsonValue meta) {
        if (isMissing(meta)) {
            return null;
        }
        if (!(meta instanceof JsonObject object)) {
            throw new SuperJsonException("Malformed SuperJSON meta: must be an object");
        }
        // superjson switched to backslash-escaped paths with v:1; payloads without v use the old rules.
        JsonValue version = object.get("v");
        if (!isMissing(version) && !(version instanceof JsonNumber)) {
            throw new SuperJsonException("Malformed SuperJSON meta: v must be a number");
        }
        boolean legacyPaths = isMissing(version) || ((JsonNumber) version).doubleValue() < 1;
        JsonValue values = object.get("values");
        if (isMissing(values)) {
            return null;
        }
        AnnotationTree root = new AnnotationTree();
        if (values instanceof JsonArray) {
            root.annotate(values, legacyPaths, List.of());
        } else if (values instanceof JsonObject paths) {
            root.annotateAll(paths, legacyPaths, List.of());
        } else {
            throw new SuperJsonException("Malformed SuperJSON meta: values must be an object or an array");
        }
        return root;
    }

    /** @return this node's own type, or null when only nodes below it are annotated */
    SuperJsonType type() {
        return type;
    }

    /** @return the node for one more path segment, or null when nothing below it is annotated */
    AnnotationTree child(String segment) {
        return children.get(segment);
    }

    /** @return the segments that lead to annotated nodes below this one */
    Set<String> childSegments() {
        return children.keySet();
    }

    private void annotateAll(JsonObject paths, boolean legacyPaths, List<String> base) {
        for (Map.Entry<String, JsonValue> entry : paths.entrySet()) {
            List<String> relative = SuperJsonPath.parse(entry.getKey(), legacyPaths);
            List<String> where = new ArrayList<>(base);
            where.addAll(relative);
            descend(relative).annotate(entry.getValue(), legacyPaths, where);
        }
    }

    /** Applies one {@code [type]} or {@code [type, {childPath: annotation}]} annotation here. */
    private void annotate(JsonValue annotation, boolean legacyPaths, List<String> where) {
        if (!(annotation instanceof JsonArray array) || array.isEmpty() || array.size() > 2) {
            throw new SuperJsonException("Malformed SuperJSON annotation at " + SuperJsonPath.describe(where)
                    + ": must be [type] or [type, children]");
        }
        if (!(array.get(0) instanceof JsonString name)) {
            // ["class", "X"], ["custom", "X"], ... name registered JavaScript classes and types.
            throw new SuperJsonException("Unsupported SuperJSON type at " + SuperJsonPath.describe(where)
                    + ": class, symbol, custom and typed-array types are not supported");
        }
        SuperJsonType named = SuperJsonType.of(name.getString()).orElseThrow(() -> new SuperJsonException(
                "Unsupported SuperJSON type " + SuperJsonPath.describe(List.of(name.getString())) + " at "
                        + SuperJsonPath.describe(where)));
        if (type != null) {
            throw new SuperJsonException("Conflicting SuperJSON annotations at " + SuperJsonPath.describe(where));
        }
        type = named;
        JsonValue nested = array.size() == 2 ? array.get(1) : null;
        if (nested instanceof JsonObject paths) {
            annotateAll(paths, legacyPaths, where);
        } else if (!isMissing(nested)) {
            throw new SuperJsonException("Malformed SuperJSON annotation at " + SuperJsonPath.describe(where)
                    + ": children must be an object");
        }
    }

    private AnnotationTree descend(List<String> segments) {
        AnnotationTree node = this;
        for (String segment : segments) {
            if (node.children.isEmpty()) {
                node.children = new LinkedHashMap<>();
            }
            node = node.children.computeIfAbsent(segment, s -> new AnnotationTree());
        }
        return node;
    }

    private static boolean isMissing(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }
}
