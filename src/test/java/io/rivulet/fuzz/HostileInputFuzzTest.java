package io.rivulet.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rivulet.RstoreException;
import io.rivulet.plan.IncludeParser;
import io.rivulet.query.Condition;
import io.rivulet.query.ConditionParser;
import io.rivulet.query.InvalidConditionException;
import io.rivulet.query.QueryLimits;
import io.rivulet.query.SearchQuery;
import io.rivulet.query.SearchQueryParser;
import io.rivulet.query.sql.SqlConditionTranslator;
import io.rivulet.schema.InvalidValueException;
import io.rivulet.schema.KeyCodec;
import io.rivulet.wire.SuperJson;
import io.rivulet.wire.SuperJsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of what parses a client's text: SuperJSON, the search query,
 * the {@code where} tree (parsed, then translated to SQL), the include tree, keys. Whatever the
 * input, each either succeeds or throws its documented 4xx exception; anything else is a finding.
 *
 * <p>{@code mvn test} runs the seeds of {@code src/test/resources/io/rivulet/fuzz/HostileInputFuzzTestInputs/<method>/}
 * (each crash found becomes one there). Fuzzing: see the README, "Test it".
 */
class HostileInputFuzzTest {

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "5m")
    void superJson(byte[] input) {
        try {
            SuperJson.decode(text(input));
        } catch (SuperJsonException e) {
            // the documented refusal: 400 Invalid superjson query parameter / Invalid request body
        }
    }

    @FuzzTest(maxDuration = "5m")
    void searchQuery(byte[] input) {
        Object decoded;
        try {
            decoded = SuperJson.decode(text(input)).value();
        } catch (SuperJsonException e) {
            return;
        }
        try {
            SearchQuery query = new SearchQueryParser(QueryLimits.DEFAULT).parse(decoded);
            query.where().ifPresent(HostileInputFuzzTest::translate);
            new IncludeParser(FuzzCollections.REGISTRY, QueryLimits.DEFAULT, target -> { })
                    .parse(FuzzCollections.TODOS, query.include().orElse(null));
        } catch (RstoreException e) {
            assertClientError(e);
        } catch (InvalidConditionException e) {
            // the store's 400 Invalid filter
        }
    }

    @FuzzTest(maxDuration = "5m")
    void condition(byte[] input) {
        plainJson(input).ifPresent(where -> {
            try {
                ConditionParser.parse(where).ifPresent(HostileInputFuzzTest::translate);
            } catch (InvalidConditionException e) {
                // 400 Invalid filter (or its own text for a where beyond the limits)
            }
        });
    }

    @FuzzTest(maxDuration = "5m")
    void include(byte[] input) {
        plainJson(input).ifPresent(include -> {
            try {
                new IncludeParser(FuzzCollections.REGISTRY, QueryLimits.DEFAULT, target -> { })
                        .parse(FuzzCollections.TODOS, include);
            } catch (RstoreException e) {
                assertClientError(e);
            }
        });
    }

    @FuzzTest(maxDuration = "5m")
    void key(byte[] input) {
        String key = text(input);
        for (var collection : java.util.List.of(FuzzCollections.TODOS, FuzzCollections.MEMBERS)) {
            try {
                KeyCodec.parse(collection, key);
            } catch (InvalidValueException e) {
                // 400 Invalid key
            }
        }
    }

    /**
     * All five targets in one, for the short fuzzing run of the test command (Jazzer fuzzes one
     * target per run): the first byte picks the parser, the rest is its input.
     */
    @FuzzTest(maxDuration = "5m")
    void anyParser(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = java.util.Arrays.copyOfRange(input, 1, input.length);
        switch (Math.floorMod(input[0], 5)) {
            case 0 -> superJson(rest);
            case 1 -> searchQuery(rest);
            case 2 -> condition(rest);
            case 3 -> include(rest);
            default -> key(rest);
        }
    }

    /** The input as plain JSON values; empty when it is not JSON (or is {@code null}). */
    private static Optional<Object> plainJson(byte[] input) {
        try {
            return Optional.ofNullable(SuperJson.decodePlain(text(input)));
        } catch (SuperJsonException e) {
            return Optional.empty();
        }
    }

    private static void translate(Condition condition) {
        new SqlConditionTranslator(FuzzCollections.TODOS, "t", new ArrayList<>()).translate(condition);
    }

    private static void assertClientError(RstoreException e) {
        assertTrue(e.status() >= 400 && e.status() < 500, () -> e.status() + " " + e.getMessage());
    }
}
