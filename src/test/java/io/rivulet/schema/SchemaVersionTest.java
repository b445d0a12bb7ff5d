package io.rivulet.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.wire.PlainJson;
import io.rivulet.wire.SuperJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The version is a stable hash of the description's content, and only of it. */
class SchemaVersionTest {

    /** A tiny entity: the description reads the default of {@code done} from a new instance. */
    public static class Note {
        private Integer id;
        private String title;
        private boolean done = false;
        private BigDecimal price = new BigDecimal("1.50");
    }

    private static FieldDescriptor field(String name, Class<?> type, FieldType wire, boolean optional) {
        return new FieldDescriptor(name, List.of(name), type, wire, name, List.of(), name.equals("id"),
                name.equals("id"), optional, false, false, false, PropertyAccess.of(Note.class, name));
    }

    private static String version(List<FieldDescriptor> fields) {
        CollectionDescriptor notes = new CollectionDescriptor("notes", Note.class, "notes", fields,
                List.of(fields.get(0)), List.of(), null);
        return (String) SchemaDescription.of(List.of(notes), name -> true).get("version");
    }

    private static List<FieldDescriptor> fields() {
        return new ArrayList<>(List.of(field("id", Integer.class, FieldType.INTEGER, false),
                field("title", String.class, FieldType.STRING, false),
                field("done", Boolean.class, FieldType.BOOLEAN, false)));
    }

    @Test
    void stableForEqualInputAndChangedByAnyAttribute() {
        String version = version(fields());
        assertTrue(version.matches("[0-9a-f]{16}"), version);
        assertEquals(version, version(fields()), "equal input, equal version");
        List<FieldDescriptor> typeChanged = fields();
        typeChanged.set(1, field("title", String.class, FieldType.JSON, false));
        List<FieldDescriptor> optionalChanged = fields();
        optionalChanged.set(1, field("title", String.class, FieldType.STRING, true));
        List<FieldDescriptor> columnAdded = fields();
        columnAdded.add(field("price", BigDecimal.class, FieldType.DECIMAL, true));
        Set<String> versions = Set.of(version, version(typeChanged), version(optionalChanged), version(columnAdded));
        assertEquals(4, versions.size(), "type, optional and a new column each change it: " + versions);
    }

    @Test
    void aClientsCopyHashesLikeTheServersDescription() {
        List<FieldDescriptor> fields = fields();
        fields.add(field("price", BigDecimal.class, FieldType.DECIMAL, true));
        CollectionDescriptor notes = new CollectionDescriptor("notes", Note.class, "notes", fields, List.of(fields.get(0)),
                List.of(), null);
        Map<String, Object> served = SchemaDescription.of(List.of(notes), name -> true);
        Object copy = SuperJson.decodePlain(PlainJson.write(served));
        assertEquals(served.get("version"), DescribedSchema.read(copy).contentVersion());
    }

    @Test
    void canonicalFormIgnoresKeyOrderAndNumberSpelling() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", List.of(1L, 2.5, new BigDecimal("1.50")));
        a.put("a", Map.of("x", true));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", Map.of("x", true));
        b.put("b", List.of(new BigDecimal("1.0"), new BigDecimal("2.50"), 1.5));
        assertEquals("{\"a\":{\"x\":true},\"b\":[1,2.5,1.5]}", SchemaVersion.canonical(a));
        assertEquals(SchemaVersion.of(a), SchemaVersion.of(b));
        assertEquals("[\"q\\\"\\\\\\u0001é\",0,null]", SchemaVersion.canonical(java.util.Arrays.asList("q\"\\\u0001é",
                new BigDecimal("0E+3"), null)));
        assertNotEquals(SchemaVersion.of(List.of("1")), SchemaVersion.of(List.of(1L)), "a string is not a number");
    }
}
