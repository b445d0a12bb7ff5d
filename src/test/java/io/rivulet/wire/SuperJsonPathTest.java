package io.rivulet.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SuperJsonPathTest {

    @Test
    void parsesV1Paths() {
        assertEquals(List.of("where", "conditions", "1", "value"), SuperJsonPath.parse("where.conditions.1.value", false));
        assertEquals(List.of("a.b"), SuperJsonPath.parse("a\\.b", false));
        assertEquals(List.of("a\\", "b"), SuperJsonPath.parse("a\\\\.b", false));
        assertEquals(List.of("a\\.b"), SuperJsonPath.parse("a\\\\\\.b", false));
        assertEquals(List.of(""), SuperJsonPath.parse("", false));
        assertEquals(List.of("a", ""), SuperJsonPath.parse("a.", false));
        assertEquals(List.of("", "", ""), SuperJsonPath.parse("..", false));
    }

    @Test
    void v1RejectsOtherEscapes() {
        assertThrows(SuperJsonException.class, () -> SuperJsonPath.parse("a\\b", false));
        assertThrows(SuperJsonException.class, () -> SuperJsonPath.parse("a\\", false));
    }

    @Test
    void legacyPathsOnlyEscapeDots() {
        assertEquals(List.of("a.b"), SuperJsonPath.parse("a\\.b", true));
        assertEquals(List.of("a\\b"), SuperJsonPath.parse("a\\b", true));
        assertEquals(List.of("a\\"), SuperJsonPath.parse("a\\", true));
        assertEquals(List.of("a\\.b"), SuperJsonPath.parse("a\\\\.b", true));
    }

    @Test
    void formatIsTheInverseOfParse() {
        assertEquals("a\\.b.c\\\\d.0", SuperJsonPath.format(List.of("a.b", "c\\d", "0")));
        assertEquals("..a", SuperJsonPath.format(List.of("", "", "a")));
        assertEquals("", SuperJsonPath.format(List.of("")));
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            List<String> segments = new ArrayList<>();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                StringBuilder segment = new StringBuilder();
                for (int k = random.nextInt(5); k > 0; k--) {
                    segment.append("a.\\x".charAt(random.nextInt(4)));
                }
                segments.add(segment.toString());
            }
            assertEquals(segments, SuperJsonPath.parse(SuperJsonPath.format(segments), false));
        }
    }

    @Test
    void indexes() {
        assertEquals(0, SuperJsonPath.index("0", 1));
        assertEquals(12, SuperJsonPath.index("12", 13));
        assertEquals(-1, SuperJsonPath.index("12", 12));
        for (String bad : List.of("", "01", "-1", "+1", "1.0", " 1", "x", "1e1", "9999999999", "99999999999999999999")) {
            assertEquals(-1, SuperJsonPath.index(bad, Integer.MAX_VALUE), bad);
        }
    }

    @Test
    void describeCutsLongPaths() {
        assertEquals("<root>", SuperJsonPath.describe(List.of()));
        assertEquals("'a\\.b.0'", SuperJsonPath.describe(List.of("a.b", "0")));
        assertEquals(120 + 5, SuperJsonPath.describe(List.of("x".repeat(500))).length());
    }
}
