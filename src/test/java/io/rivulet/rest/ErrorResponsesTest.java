package io.rivulet.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reason phrase an error response sets: the statusMessage as one short line of visible ASCII. */
class ErrorResponsesTest {

    @Test
    void theProtocolTextsAreTheReasonPhraseAsTheyAre() {
        assertEquals("Invalid filter", ErrorResponses.reasonPhrase("Invalid filter"));
        assertEquals("Collection \"secrets\" is not allowed.",
                ErrorResponses.reasonPhrase("Collection \"secrets\" is not allowed."));
    }

    @Test
    void whatIsNotVisibleAsciiIsAQuestionMark() {
        assertEquals("Invalid key 1? for collection todos",
                ErrorResponses.reasonPhrase("Invalid key 1\u0000 for collection todos"));
        assertEquals("Table not found for collection caf?",
                ErrorResponses.reasonPhrase("Table not found for collection caf\u00e9"));
    }

    /** A hook's own message may be of any length: the status line stays short (Node's HTTP parser limits it). */
    @Test
    void aLongMessageIsCutTo256Characters() {
        String phrase = ErrorResponses.reasonPhrase("x".repeat(20_000));
        assertEquals(256, phrase.length());
        assertEquals("x".repeat(253) + "...", phrase);
        assertEquals("y".repeat(256), ErrorResponses.reasonPhrase("y".repeat(256)));
    }
}
