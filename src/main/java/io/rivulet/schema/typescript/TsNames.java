package io.rivulet.schema.typescript;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variable and type names of one generated file, derived from collection names: any
 * collection name becomes a valid, unique identifier ({@code post-labels} → {@code postLabelsTable}).
 * Collections are visited in name order, so the same schema always gets the same names.
 */
final class TsNames {

    private final Set<String> taken = new HashSet<>();
    private final Map<String, String> given = new HashMap<>();

    /** @param fixed the file's own names (imports, exports) that no derived name may take */
    TsNames(String... fixed) {
        taken.addAll(Set.of(fixed));
    }

    /** The camelCase name of {@code collection} with {@code suffix}, e.g. {@code usersTable}. */
    String camel(String collection, String suffix) {
        return name(collection, suffix, false);
    }

    /** The PascalCase name of {@code collection} with {@code suffix}, e.g. {@code UsersRow}. */
    String pascal(String collection, String suffix) {
        return name(collection, suffix, true);
    }

    private String name(String collection, String suffix, boolean pascal) {
        return given.computeIfAbsent(suffix + (pascal ? "^" : "_") + collection, k -> {
            String base = words(collection, pascal) + suffix;
            String candidate = base;
            for (int n = 2; taken.contains(candidate) || !TsSyntax.isIdentifier(candidate); n++) {
                candidate = base + n;
            }
            taken.add(candidate);
            return candidate;
        });
    }

    /** Letters and digits kept, every other character dropped and the next letter capitalised. */
    private static String words(String name, boolean pascal) {
        StringBuilder out = new StringBuilder();
        boolean upper = pascal;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                out.append(upper ? Character.toUpperCase(c) : out.isEmpty() ? Character.toLowerCase(c) : c);
                upper = false;
            } else {
                upper = !out.isEmpty() || pascal;
            }
        }
        if (out.isEmpty() || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }
}
