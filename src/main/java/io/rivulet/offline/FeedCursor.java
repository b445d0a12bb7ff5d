package io.rivulet.offline;

import io.rivulet.Errors;
import io.rivulet.schema.CollectionDescriptor;
import io.rivulet.schema.FieldDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a client is in a collection's changes feed. Opaque to clients (base64url text); inside:
 * the feed's epoch (a new database means a new epoch), a digest of the collection's shape (fields,
 * types, key), the seq up to which the client has every change, and, while the client is still
 * reading the snapshot, the key of the last row it got ({@code afterKey}).
 *
 * @param afterKey empty once the snapshot is read; during the snapshot the last key sent, or
 *                 {@code ""} before the first row
 */
public record FeedCursor(String epoch, String shape, long seq, Optional<String> afterKey) {

    private static final String VERSION = "1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longer than any cursor the feed hands out (the key is at most FeedStore.MAX_KEY_LENGTH characters). */
    private static final int MAX_LENGTH = 4 * FeedStore.MAX_KEY_LENGTH + 200;

    public boolean inSnapshot() {
        return afterKey.isPresent();
    }

    public String encode() {
        String text = VERSION + "." + epoch + "." + shape + "." + seq
                + afterKey.map(k -> ".s" + ENCODER.encodeToString(k.getBytes(StandardCharsets.UTF_8))).orElse("");
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws io.rivulet.RstoreException 400 Invalid cursor for anything the feed did not hand out */
    public static FeedCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw Errors.invalidCursor();
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            if ((parts.length != 4 && parts.length != 5) || !VERSION.equals(parts[0]) || parts[1].isEmpty()
                    || parts[2].isEmpty()) {
                throw Errors.invalidCursor();
            }
            long seq = Long.parseLong(parts[3]);
            if (seq < 0) {
                throw Errors.invalidCursor();
            }
            Optional<String> afterKey = Optional.empty();
            if (parts.length == 5) {
                if (!parts[4].startsWith("s")) {
                    throw Errors.invalidCursor();
                }
                afterKey = Optional.of(new String(DECODER.decode(parts[4].substring(1)), StandardCharsets.UTF_8));
            }
            return new FeedCursor(parts[1], parts[2], seq, afterKey);
        } catch (IllegalArgumentException e) { // bad base64, bad number
            throw Errors.invalidCursor();
        }
    }

    /** A digest of what a client holds of a collection's rows: the visible fields, their types, the key. */
    public static String shapeOf(CollectionDescriptor collection) {
        StringBuilder text = new StringBuilder(collection.name()).append('|');
        for (FieldDescriptor field : collection.visibleFields()) {
            text.append(field.name()).append(':').append(field.type()).append(field.primaryKey() ? "!" : "").append(',');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
