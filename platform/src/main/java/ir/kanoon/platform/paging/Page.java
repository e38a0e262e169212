package ir.kanoon.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing: {@code {"items": [...], "nextCursor": "..."|null}}. Pass {@code nextCursor}
 * back as {@code ?cursor=} for the following page; null means this was the last one.
 */
// No fixed schema name: SmallRye then names each Page<Item> after its item type (PageMemberView), so every
// listing documents its items; a fixed "Page" gave the bare Page, Page1, Page2 (issue 7).
@Schema
public record Page<T>(List<T> items, @Schema(nullable = true) String nextCursor) {

    /**
     * From a keyset query that fetched {@code limit + 1} rows: the extra row only tells that another page
     * exists; the cursor is the sort key of the last row returned.
     */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, T> toDto, Function<E, Cursor> keyOf) {
        boolean more = fetched.size() > limit;
        List<E> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? keyOf.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(toDto).toList(), next);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}
