package io.rivulet.schema.typescript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TsSyntaxTest {

    @Test
    void literalsEscapeWhatWouldEndThem() {
        assertEquals("'it\\'s'", TsSyntax.literal("it's"));
        assertEquals("'a\\\\b'", TsSyntax.literal("a\\b"));
        assertEquals("'a\\nb\\u2028\\u0000'", TsSyntax.literal("a\nb\u2028\u0000"));
        assertEquals("'é'", TsSyntax.literal("é"));
    }

    @Test
    void keysAreBareWhenTheyCanBe() {
        assertEquals("nickName", TsSyntax.key("nickName"));
        assertEquals("class", TsSyntax.key("class"));
        assertEquals("'nick name'", TsSyntax.key("nick name"));
        assertEquals("'2fa'", TsSyntax.key("2fa"));
    }

    @Test
    void namesInCommentsCannotEndThem() {
        assertEquals("a*\\/b c", TsSyntax.comment("a*/b\nc"));
    }

    @Test
    void unions() {
        assertEquals("'happy' | 'sad'", TsSyntax.literalUnion(List.of("happy", "sad")));
        assertEquals("never", TsSyntax.literalUnion(List.of()));
    }
}
