package io.rivulet.schema.typescript;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** TypeScript lexical helpers: string literals, property keys, identifiers. */
final class TsSyntax {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** Reserved words and strict-mode/contextual names a generated variable must not take. */
    private static final Set<String> RESERVED = Set.of("break", "case", "catch", "class", "const", "continue",
            "debugger", "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for",
            "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
            "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
            "package", "private", "protected", "public", "static", "yield", "await", "arguments", "eval",
            "undefined", "any", "boolean", "number", "string", "symbol", "never", "unknown", "object", "type");

    private TsSyntax() {
    }

    /** A single-quoted string literal. */
    static String literal(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // control characters and the two JS line terminators would break the line
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /** A property key: bare when it is an identifier name (reserved words are fine there), else quoted. */
    static String key(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : literal(name);
    }

    /** Whether {@code name} can be a variable or type name as it is. */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name);
    }

    /** A name inside a comment: nothing in it may end the comment or the line. */
    static String comment(String name) {
        return name.replace("*/", "*\\/").replaceAll("[\\r\\n\\u2028\\u2029]", " ");
    }

    /** {@code ['a', 'b']}. */
    static String literalList(List<String> values) {
        return values.stream().map(TsSyntax::literal).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code 'a' | 'b'}; {@code never} for no values. */
    static String literalUnion(List<String> values) {
        return values.isEmpty() ? "never" : values.stream().map(TsSyntax::literal).collect(Collectors.joining(" | "));
    }
}
