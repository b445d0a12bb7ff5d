package io.rivulet.changes.postgresql;

import io.rivulet.changes.postgresql.PgOutputMessage.Value;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one {@code pgoutput} message (protocol version 1) from the replication stream's
 * buffer. Values arrive in text form (Rivulet does not ask for {@code binary}); a binary value
 * is rejected rather than guessed.
 */
final class PgOutputDecoder {

    private PgOutputDecoder() {
    }

    /** @throws IllegalArgumentException when the buffer is not a message this decoder knows */
    static PgOutputMessage decode(ByteBuffer buffer) {
        try {
            char kind = (char) buffer.get();
            return switch (kind) {
                case 'B' -> new PgOutputMessage.Begin(buffer.getLong(), buffer.getLong(), buffer.getInt());
                case 'C' -> {
                    buffer.get(); // flags, unused
                    yield new PgOutputMessage.Commit(buffer.getLong(), buffer.getLong(), buffer.getLong());
                }
                case 'R' -> relation(buffer);
                case 'I' -> {
                    int relation = buffer.getInt();
                    expect(buffer, 'N');
                    yield new PgOutputMessage.Insert(relation, tuple(buffer));
                }
                case 'U' -> update(buffer);
                case 'D' -> {
                    int relation = buffer.getInt();
                    char old = (char) buffer.get();
                    yield new PgOutputMessage.Delete(relation, tuple(buffer), old == 'K');
                }
                case 'M' -> message(buffer);
                case 'T' -> {
                    int count = buffer.getInt();
                    buffer.get(); // options
                    List<Integer> relations = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        relations.add(buffer.getInt());
                    }
                    yield new PgOutputMessage.Truncate(relations);
                }
                default -> new PgOutputMessage.Ignored(kind);
            };
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("a truncated pgoutput message", e);
        }
    }

    private static PgOutputMessage relation(ByteBuffer buffer) {
        int oid = buffer.getInt();
        String namespace = string(buffer);
        String name = string(buffer);
        char identity = (char) buffer.get();
        int count = Short.toUnsignedInt(buffer.getShort());
        List<PgOutputMessage.Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (buffer.get() & 1) != 0;
            String column = string(buffer);
            int type = buffer.getInt();
            buffer.getInt(); // type modifier
            columns.add(new PgOutputMessage.Column(key, column, type));
        }
        return new PgOutputMessage.Relation(oid, namespace, name, identity, List.copyOf(columns));
    }

    private static PgOutputMessage update(ByteBuffer buffer) {
        int relation = buffer.getInt();
        char next = (char) buffer.get();
        PgOutputMessage.Tuple old = null;
        boolean oldKey = false;
        if (next == 'K' || next == 'O') {
            oldKey = next == 'K';
            old = tuple(buffer);
            next = (char) buffer.get();
        }
        if (next != 'N') {
            throw new IllegalArgumentException("an update without its new row ('" + next + "')");
        }
        return new PgOutputMessage.Update(relation, old, oldKey, tuple(buffer));
    }

    private static PgOutputMessage message(ByteBuffer buffer) {
        boolean transactional = (buffer.get() & 1) != 0;
        long lsn = buffer.getLong();
        String prefix = string(buffer);
        byte[] content = new byte[buffer.getInt()];
        buffer.get(content);
        return new PgOutputMessage.Message(transactional, lsn, prefix, content);
    }

    private static PgOutputMessage.Tuple tuple(ByteBuffer buffer) {
        int count = Short.toUnsignedInt(buffer.getShort());
        List<Value> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char kind = (char) buffer.get();
            values.add(switch (kind) {
                case 'n' -> Value.NULL;
                case 'u' -> Value.UNCHANGED;
                case 't' -> {
                    byte[] text = new byte[buffer.getInt()];
                    buffer.get(text);
                    yield new Value(Value.Kind.TEXT, new String(text, StandardCharsets.UTF_8));
                }
                default -> throw new IllegalArgumentException("a column value of kind '" + kind + "' (binary is not asked for)");
            });
        }
        return new PgOutputMessage.Tuple(values);
    }

    private static void expect(ByteBuffer buffer, char kind) {
        char found = (char) buffer.get();
        if (found != kind) {
            throw new IllegalArgumentException("expected '" + kind + "', found '" + found + "'");
        }
    }

    /** A null-terminated UTF-8 string. */
    private static String string(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start;
        while (buffer.get(end) != 0) {
            end++;
        }
        String text = new String(buffer.array(), buffer.arrayOffset() + start, end - start, StandardCharsets.UTF_8);
        buffer.position(end + 1);
        return text;
    }
}
