package ir.kanoon.platform.paging;

import ir.kanoon.platform.problem.Problems;

import java.util.UUID;

/** {@code ?limit=} (default 20, max 100) and {@code ?cursor=}, validated: bad values are a 400 naming them. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String cursor) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw Problems.invalid("limit", "limit.invalid", MAX_LIMIT);
        }
        return new PageRequest(l, cursor == null || cursor.isBlank() ? null : cursor.strip());
    }

    /** The cursor decoded into {@code arity} keys, or null for the first page. */
    public Cursor after(int arity) {
        return Cursor.decode(cursor, arity);
    }

    /** For listings keyed by id alone: the id the cursor carries, or null for the first page; a bad one is a 400. */
    public UUID afterId() {
        Cursor after = after(1);
        return after == null ? null : after.uuid(0);
    }
}
