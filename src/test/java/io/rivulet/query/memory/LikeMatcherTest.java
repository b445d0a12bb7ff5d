package io.rivulet.query.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.query.InvalidConditionException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LikeMatcherTest {

    @ParameterizedTest(name = "''{0}'' on ''{1}'' = {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            hello%      | hello world | true
            hello%      | hello       | true
            hello%      | hi          | false
            %world      | hello world | true
            %llo wo%    | hello world | true
            %           | ''          | true
            %%          | ''          | true
            ''          | ''          | true
            ''          | a           | false
            _           | ''          | false
            a_          | ab          | true
            a_          | a           | false
            a_          | abc         | false
            a_c         | abc         | true
            a_c         | ac          | false
            a%_         | a           | false
            a%_         | ab          | true
            world       | hello world | false
            hello       | hello world | false
            %ab         | aab         | true
            %a%b        | xaxb        | true
            a%b%c       | abbbc       | true
            a%b%c       | abbbcx      | false
            %a%a%a      | aa          | false
            a.c         | abc         | false
            a.c         | a.c         | true
            (a+)+       | (a+)+       | true
            [abc]       | a           | false
            ^a$         | a           | false
            (           | (           | true
            100%        | 100%        | true
            50%         | 50% off     | true
            %           | %abc        | true
            a%          | a%b         | true
            100\\%      | 100%        | false
            100\\%      | 100\\%      | true
            100\\%      | 100\\%abc   | true
            a\\_c       | a_c         | false
            a\\_c       | a\\xc       | true
            _           | 🍕          | false
            __          | 🍕          | true
            %🍕         | I ❤ 🍕      | true
            Hello       | hello       | false
            """)
    void matches(String pattern, String text, boolean expected) {
        assertEquals(expected, LikeMatcher.matches(pattern, text));
    }

    @Test
    void caseInsensitiveLowercasesBothSides() {
        assertFalse(LikeMatcher.likeMatch("hello", "HELLO", false));
        assertTrue(LikeMatcher.likeMatch("hello", "HELLO", true));
        assertTrue(LikeMatcher.likeMatch("HeLLo%", "hello WORLD", true));
        assertTrue(LikeMatcher.likeMatch("grü%", "GRÜSSE", true));
        assertTrue(LikeMatcher.likeMatch("οδος", "ΟΔΟΣ", true));
    }

    @Test
    void nullAndUndefinedNeverMatch() {
        assertFalse(LikeMatcher.likeMatch("%", null, false));
        assertFalse(LikeMatcher.likeMatch("%", JsValues.UNDEFINED, true));
    }

    @Test
    void nonStringsAreMatchedAsStringOfValue() {
        assertTrue(LikeMatcher.likeMatch("42", 42, false));
        assertTrue(LikeMatcher.likeMatch("4_", 42L, false));
        assertTrue(LikeMatcher.likeMatch("5.5", 5.5, false));
        assertTrue(LikeMatcher.likeMatch("5", 5.0, false));
        assertTrue(LikeMatcher.likeMatch("true", true, false));
        // likeMatch itself uses String(value); the evaluator JSON-stringifies arrays first
        assertTrue(LikeMatcher.likeMatch("a,b", List.of("a", "b"), false));
    }

    @Test
    void nonStringPatternsAreStringOfPattern() {
        assertTrue(LikeMatcher.likeMatch(5, "5", false));
        assertTrue(LikeMatcher.likeMatch(null, "null", false));
        assertTrue(LikeMatcher.likeMatch(2.50, "2.5", false));
    }

    @Test
    void patternLengthIsCapped() {
        String max = "a".repeat(LikeMatcher.MAX_PATTERN_LENGTH);
        assertTrue(LikeMatcher.likeMatch(max, max, false));
        InvalidConditionException e = assertThrows(InvalidConditionException.class,
                () -> LikeMatcher.likeMatch(max + "a", "a", false));
        assertEquals("LIKE pattern too long (max 512 characters)", e.getMessage());
        // checked before the value, as in the client
        assertThrows(InvalidConditionException.class, () -> LikeMatcher.likeMatch("%".repeat(513), null, false));
    }

    @Test
    void hostilePatternsStayCheap() {
        String text = "a".repeat(5000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertFalse(LikeMatcher.matches("%" + "a%".repeat(250) + "b", text));
            assertFalse(LikeMatcher.likeMatch("(a+)+$", text, false));
        });
    }
}
