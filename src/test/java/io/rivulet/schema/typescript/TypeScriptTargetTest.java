package io.rivulet.schema.typescript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeScriptTargetTest {

    @Test
    void targetsByName() {
        assertEquals(Optional.of(TypeScriptTarget.ZERO), TypeScriptTarget.named("zero"));
        assertEquals(Optional.of(TypeScriptTarget.RSTORE), TypeScriptTarget.named("rstore"));
        assertEquals(Optional.empty(), TypeScriptTarget.named("ZERO"));
        assertEquals(Optional.empty(), TypeScriptTarget.named(null));
    }

    @Test
    void eachTargetWritesItsFile() {
        assertTrue(TypeScriptTarget.ZERO.write(Descriptions.example()).contains("from '@rocicorp/zero';"));
        assertTrue(TypeScriptTarget.RSTORE.write(Descriptions.example()).contains("from '@rstore/vue';"));
    }
}
