package io.rivulet;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a collection answers a write based on an older version of its row (README, "Offline sync",
 * Versions and conflicts). The default, without this annotation, is {@link Policy#LAST_WRITE_WINS},
 * rstore's behaviour; the setting {@code rivulet.conflicts.<collection>} ({@code last-write-wins}
 * or {@code reject-stale}) overrides the annotation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConflictPolicy {

    Policy value();

    enum Policy {
        /** Every write applies, whatever version the client had. */
        LAST_WRITE_WINS,
        /**
         * A PATCH whose body carries the row's version field ({@code @Version}, else {@code
         * updatedAt}) with another value than the row has now answers {@code 409} with the current
         * row in {@code data}, and writes nothing.
         */
        REJECT_STALE;

        /** {@code last-write-wins} or {@code reject-stale}. */
        public static java.util.Optional<Policy> named(String name) {
            return java.util.Arrays.stream(values())
                    .filter(p -> p.name().replace('_', '-').equalsIgnoreCase(name.trim())).findFirst();
        }
    }
}
