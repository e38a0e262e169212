package ir.kanoon.platform.paging;

import ir.kanoon.platform.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key of the last row of a page ({@code (createdAt, id)}, say),
 * base64url-encoded so clients do not depend on its shape. The next page's query is
 * {@code WHERE (sort, id) > (:k0, :k1) ORDER BY sort, id LIMIT :limit + 1}, which costs the same on
 * page 1000 as on page 1 — unlike OFFSET.
 */
public record Cursor(List<String> keys) {

    private static final char SEPARATOR = '\u001F'; // unit separator: never in ids or timestamps

    public static Cursor of(Object... keys) {
        List<String> list = new ArrayList<>(keys.length);
        for (Object k : keys) {
            list.add(String.valueOf(k));
        }
        return new Cursor(List.copyOf(list));
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(String.valueOf(SEPARATOR), keys).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a client's {@code cursor} that must carry {@code arity} keys; anything else is a 400 naming
     * the {@code cursor} parameter. Null or blank means the first page (null result).
     */
    public static Cursor decode(String cursor, int arity) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            List<String> keys = List.of(raw.split(String.valueOf(SEPARATOR), -1));
            if (keys.size() != arity) {
                throw Problems.invalid("cursor", "cursor.invalid");
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("cursor", "cursor.invalid");
        }
    }

    public String key(int i) {
        return keys.get(i);
    }

    /**
     * Key {@code i} as a number (keyset listings ordered by a sequence). A cursor that decodes but does not hold
     * a number there was not made by us: a 400 naming {@code cursor}.
     */
    public long number(int i) {
        try {
            return Long.parseLong(keys.get(i));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw Problems.invalid("cursor", "cursor.invalid");   // not ours: a 400, never a 500 (issue 14)
        }
    }

    /**
     * Key {@code i} as a UUID (keyset listings ordered by a UUIDv7 id). A cursor that decodes but does not
     * hold a UUID there was not made by us: a 400 naming {@code cursor}, never a 500.
     */
    public UUID uuid(int i) {
        try {
            String key = keys.get(i);
            UUID id = UUID.fromString(key);
            if (!id.toString().equalsIgnoreCase(key)) {
                throw new IllegalArgumentException(key); // UUID.fromString accepts "1-1-1-1-1"
            }
            return id;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw Problems.invalid("cursor", "cursor.invalid");
        }
    }
}
