package io.rivulet.changes.postgresql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rivulet.realtime.Change;
import io.rivulet.schema.TestCollections;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pgoutput decoder, the transaction assembler and the mapping to changes, on hand-made messages. */
class PgOutputTest {

    private static final int TODOS = 16_384;
    private static final String[] COLUMNS = {"id", "title", "completed", "secret", "created_at", "updated_at"};

    /** A message as the stream's buffer holds it (with a prefix, as pgjdbc's buffer has the XLogData header). */
    private static ByteBuffer message(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {9, 9, 9});
        writer.write(out);
        byte[] all = bytes.toByteArray();
        return ByteBuffer.wrap(all, 3, all.length - 3);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    private static void tuple(DataOutputStream out, String... values) throws IOException {
        out.writeShort(values.length);
        for (String value : values) {
            if (value == null) {
                out.write('n');
            } else if ("\u0000unchanged".equals(value)) {
                out.write('u');
            } else {
                byte[] text = value.getBytes(StandardCharsets.UTF_8);
                out.write('t');
                out.writeInt(text.length);
                out.write(text);
            }
        }
    }

    private static ByteBuffer relation(char identity) throws IOException {
        return message(out -> {
            out.write('R');
            out.writeInt(TODOS);
            string(out, "public");
            string(out, "todos");
            out.write(identity);
            out.writeShort(COLUMNS.length);
            for (String column : COLUMNS) {
                out.write("id".equals(column) ? 1 : 0);
                string(out, column);
                out.writeInt(25);
                out.writeInt(-1);
            }
        });
    }

    private static ByteBuffer begin() throws IOException {
        return message(out -> {
            out.write('B');
            out.writeLong(0x2000);
            out.writeLong(1);
            out.writeInt(77);
        });
    }

    private static ByteBuffer commit(long lsn) throws IOException {
        return message(out -> {
            out.write('C');
            out.write(0);
            out.writeLong(lsn);
            out.writeLong(lsn + 0x30);
            out.writeLong(1);
        });
    }

    private static ByteBuffer emitted(String prefix, String content, boolean transactional) throws IOException {
        return message(out -> {
            out.write('M');
            out.write(transactional ? 1 : 0);
            out.writeLong(0x1000);
            string(out, prefix);
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        });
    }

    private static ByteBuffer insert(String... values) throws IOException {
        return message(out -> {
            out.write('I');
            out.writeInt(TODOS);
            out.write('N');
            tuple(out, values);
        });
    }

    private static ByteBuffer update(char oldKind, String[] old, String... values) throws IOException {
        return message(out -> {
            out.write('U');
            out.writeInt(TODOS);
            if (old != null) {
                out.write(oldKind);
                tuple(out, old);
            }
            out.write('N');
            tuple(out, values);
        });
    }

    private static ByteBuffer delete(char oldKind, String... old) throws IOException {
        return message(out -> {
            out.write('D');
            out.writeInt(TODOS);
            out.write(oldKind);
            tuple(out, old);
        });
    }

    private static Optional<StreamTransaction> feed(TransactionAssembler assembler, ByteBuffer... messages) {
        Optional<StreamTransaction> done = Optional.empty();
        for (ByteBuffer message : messages) {
            done = assembler.accept(PgOutputDecoder.decode(message));
        }
        return done;
    }

    private static List<Change> changes(StreamTransaction transaction) {
        return new ChangeMapper(List.of(TestCollections.TODOS)).changes(transaction);
    }

    private static final String[] ROW = {"7", "a", "f", "hush", "2026-12-03 17:24:07.123456", "2026-12-03 17:24:07.5"};

    @Test
    void anInsertOfAnotherProgramBecomesACreatedChangeWithoutHiddenFields() throws IOException {
        TransactionAssembler assembler = new TransactionAssembler();
        StreamTransaction transaction = feed(assembler, begin(), relation('d'), insert(ROW), commit(0x2000)).orElseThrow();
        assertFalse(transaction.ownWrite());
        assertEquals(0x2000, transaction.commitLsn());
        assertEquals(0x2030, transaction.endLsn());
        List<Change> changes = changes(transaction);
        assertEquals(1, changes.size());
        Change created = changes.get(0);
        assertEquals(Change.CREATED, created.type());
        assertEquals("7", created.key());
        assertNull(created.originClientId());
        assertEquals(List.of("id", "title", "completed", "createdAt", "updatedAt"), List.copyOf(created.record().keySet()),
                "field names in field order; the hidden field is left out");
        assertEquals(7, created.record().get("id"));
        assertEquals(false, created.record().get("completed"));
        assertEquals(Instant.parse("2026-12-03T17:24:07.123Z"), created.record().get("createdAt"),
                "the wire value of a LocalDateTime (in ms), as a row read through JPA has it");
        assertFalse(created.record().containsValue("hush"));
    }

    @Test
    void rivuletsMessageMarksItsOwnTransactionWithTheOrigin() throws IOException {
        TransactionAssembler assembler = new TransactionAssembler();
        StreamTransaction transaction = feed(assembler, begin(), relation('d'), emitted("rivulet", "tab-1", true),
                insert(ROW), commit(0x2000)).orElseThrow();
        assertTrue(transaction.ownWrite());
        assertEquals("tab-1", changes(transaction).get(0).originClientId());

        StreamTransaction anonymous = feed(assembler, begin(), emitted("rivulet", "", true), insert(ROW), commit(0x3000))
                .orElseThrow();
        assertTrue(anonymous.ownWrite(), "a write through JPA without a client id is Rivulet's own too");
        assertNull(changes(anonymous).get(0).originClientId());

        StreamTransaction foreign = feed(assembler, begin(), emitted("other", "x", true), emitted("rivulet", "y", false),
                insert(ROW), commit(0x4000)).orElseThrow();
        assertFalse(foreign.ownWrite(), "another prefix, or a message outside the transaction, marks nothing");
        assertNull(changes(foreign).get(0).originClientId());
    }

    @Test
    void anUpdateWithoutTheOldRowHasNoPreviousRecord() throws IOException {
        TransactionAssembler assembler = new TransactionAssembler();
        String[] updated = ROW.clone();
        updated[2] = "t";
        Change change = changes(feed(assembler, begin(), relation('d'), update('N', null, updated), commit(1)).orElseThrow()).get(0);
        assertEquals(Change.UPDATED, change.type());
        assertEquals(true, change.record().get("completed"));
        assertNull(change.previousRecord(), "REPLICA IDENTITY DEFAULT: only the new row");
    }

    @Test
    void withReplicaIdentityFullAnUpdateHasItsPreviousRowAndUnchangedValuesComeFromIt() throws IOException {
        TransactionAssembler assembler = new TransactionAssembler();
        String[] updated = ROW.clone();
        updated[1] = "\u0000unchanged";
        updated[2] = "t";
        Change change = changes(feed(assembler, begin(), relation('f'), update('O', ROW, updated), commit(1)).orElseThrow()).get(0);
        assertEquals(false, change.previousRecord().get("completed"));
        assertEquals(true, change.record().get("completed"));
        assertEquals("a", change.record().get("title"), "an unchanged TOASTed value, from the old row");
    }

    @Test
    void aKeyOnlyDeleteCarriesTheKeyFieldsOnly() throws IOException {
        TransactionAssembler assembler = new TransactionAssembler();
        Change change = changes(feed(assembler, begin(), relation('d'), delete('K', "7", null, null, null, null, null),
                commit(1)).orElseThrow()).get(0);
        assertEquals(Change.DELETED, change.type());
        assertEquals("7", change.key());
        assertEquals(Map.of("id", 7), change.record());

        Change full = changes(feed(assembler, begin(), delete('O', ROW), commit(2)).orElseThrow()).get(0);
        assertEquals("a", full.record().get("title"), "REPLICA IDENTITY FULL: the whole old row");
    }

    @Test
    void tablesOfNoCollectionAndEmptyTransactionsGiveNoChanges() throws IOException {
        TransactionAssembler assembler = new TransactionAssembler();
        assertTrue(changes(feed(assembler, begin(), commit(5)).orElseThrow()).isEmpty());
        ByteBuffer other = message(out -> {
            out.write('R');
            out.writeInt(99);
            string(out, "public");
            string(out, "elsewhere");
            out.write('d');
            out.writeShort(1);
            out.write(1);
            string(out, "id");
            out.writeInt(23);
            out.writeInt(-1);
        });
        ByteBuffer insertOther = message(out -> {
            out.write('I');
            out.writeInt(99);
            out.write('N');
            tuple(out, "1");
        });
        assertTrue(changes(feed(assembler, begin(), other, insertOther, commit(6)).orElseThrow()).isEmpty());
    }

    @Test
    void messagesTheDecoderDoesNotKnowAreIgnoredAndBrokenOnesRefused() throws IOException {
        assertTrue(PgOutputDecoder.decode(message(out -> out.write('Y'))) instanceof PgOutputMessage.Ignored);
        byte[] cut = Arrays.copyOf(begin().array(), 6);
        assertThrows(IllegalArgumentException.class, () -> PgOutputDecoder.decode(ByteBuffer.wrap(cut, 3, 3)));
        assertThrows(IllegalStateException.class,
                () -> new TransactionAssembler().accept(PgOutputDecoder.decode(insert(ROW))), "a change before its relation");
    }

    @Test
    void tableNamesAsPostgresqlFoldsThem() {
        assertEquals("todos", ChangeMapper.tableName("TODOS"));
        assertEquals("Todos", ChangeMapper.tableName("app.\"Todos\""), "a quoted name keeps its case");
        assertEquals("todos", ChangeMapper.tableName("public.todos"));
    }
}
