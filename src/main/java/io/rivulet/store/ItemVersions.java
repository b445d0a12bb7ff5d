package io.rivulet.store;

import io.rivulet.ConflictPolicy;
import io.rivulet.Errors;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.ValueCodec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Versions of rows: the item routes' {@code ETag} (from the {@code @Version} field, else from
 * {@code updatedAt}), {@code If-Match} / {@code If-None-Match}, and the {@code reject-stale}
 * conflict policy. A write checks its precondition on the row as it is inside its transaction,
 * before anything is written.
 */
public final class ItemVersions {

    private static final Map<String, ConflictPolicy.Policy> POLICIES = new java.util.concurrent.ConcurrentHashMap<>();

    private ItemVersions() {
    }

    /**
     * The collection's conflict policy: the setting {@code rivulet.conflicts.<collection>}, else
     * the entity's {@link ConflictPolicy} annotation, else last-write-wins. Read once per collection.
     */
    public static ConflictPolicy.Policy policy(CollectionDescriptor collection) {
        return POLICIES.computeIfAbsent(collection.name(), name -> {
            Optional<String> setting = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("rivulet.conflicts." + name, String.class).filter(v -> !v.isBlank());
            if (setting.isPresent()) {
                return ConflictPolicy.Policy.named(setting.get()).orElseThrow(() -> new IllegalStateException(
                        "rivulet.conflicts." + name + " is neither last-write-wins nor reject-stale: " + setting.get()));
            }
            ConflictPolicy annotation = collection.entityClass().getAnnotation(ConflictPolicy.class);
            return annotation == null ? ConflictPolicy.Policy.LAST_WRITE_WINS : annotation.value();
        });
    }

    /** The precondition of a write: its {@code If-Match} and the collection's policy. */
    public static Precondition of(CollectionDescriptor collection, Optional<String> ifMatch) {
        return new Precondition(ifMatch.filter(h -> !h.isBlank()), policy(collection));
    }

    /**
     * What a write expects of the row.
     *
     * @param ifMatch the {@code If-Match} header, if sent
     * @param policy  the collection's conflict policy
     */
    public record Precondition(Optional<String> ifMatch, ConflictPolicy.Policy policy) {

        public static final Precondition NONE = new Precondition(Optional.empty(), ConflictPolicy.Policy.LAST_WRITE_WINS);

        /** Whether this write checks the row's version at all (then the row is locked for the check). */
        boolean checks(CollectionDescriptor collection, Map<String, Object> body) {
            return ifMatch.isPresent() || policy == ConflictPolicy.Policy.REJECT_STALE
                    && collection.versionOrTimestamp().filter(f -> body.get(f.name()) != null).isPresent();
        }

        /**
         * @param current the row now (wire values)
         * @param body    the patch's body, or an empty map for a delete
         * @throws io.rivulet.RstoreException 412 (If-Match) or 409 (reject-stale) with the current row
         */
        void check(CollectionDescriptor collection, Map<String, Object> current, Map<String, Object> body) {
            if (ifMatch.isPresent() && !matches(ifMatch.get(), etag(collection, current))) {
                throw Errors.preconditionFailed(current);
            }
            if (policy == ConflictPolicy.Policy.REJECT_STALE) {
                Optional<FieldDescriptor> field = collection.versionOrTimestamp();
                Object based = field.map(f -> body.get(f.name())).orElse(null);
                if (based != null && !Objects.equals(wire(collection, field.get(), based), current.get(field.get().name()))) {
                    throw Errors.staleVersion(collection.name(), current);
                }
            }
        }
    }

    /** The row's entity tag, quoted ({@code "3"}); empty when the row has neither a version nor {@code updatedAt}. */
    public static Optional<String> etag(CollectionDescriptor collection, Map<String, Object> row) {
        return collection.versionOrTimestamp().map(f -> row.get(f.name())).filter(Objects::nonNull)
                .map(value -> '"' + (value instanceof java.time.Instant instant
                        ? io.rivulet.wire.IsoInstant.format(instant) : String.valueOf(value)) + '"');
    }

    /**
     * Whether an {@code If-Match} / {@code If-None-Match} header names this tag: {@code *} names
     * any existing row; weak tags ({@code W/"3"}) compare by their value.
     */
    public static boolean matches(String header, Optional<String> etag) {
        if (header.trim().equals("*")) {
            return true;
        }
        if (etag.isEmpty()) {
            return false;
        }
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag.get())) {
                return true;
            }
        }
        return false;
    }

    private static Object wire(CollectionDescriptor collection, FieldDescriptor field, Object value) {
        try {
            return ValueCodec.toWire(field, ValueCodec.fromWire(field, value, true));
        } catch (InvalidValueException e) {
            throw Errors.invalidFieldValue(field.name(), collection.name());
        }
    }
}
