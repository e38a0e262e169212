package ir.kanoon.platform.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The {@code where} clause of a filtered, keyset-paged list, for Panache's {@code find(query, params)}: each
 * optional filter is added only when the client gave it, and its parameters are numbered as they come, so a
 * listing reads as the filters it offers instead of string and index bookkeeping.
 *
 * <pre>{@code
 * Filter f = Filter.where().eq("province", scope).eq("status", status).after(page.afterId());
 * Meeting.find(f.query() + " order by id", f.params()).page(0, page.limit() + 1).list();
 * }</pre>
 */
public final class Filter {

    private final StringBuilder query = new StringBuilder("1 = 1");
    private final List<Object> params = new ArrayList<>();

    private Filter() {
    }

    public static Filter where() {
        return new Filter();
    }

    /** {@code and field = ?n}, or nothing when {@code value} is null (the client did not filter by it). */
    public Filter eq(String field, Object value) {
        return value == null ? this : and(field + " = ?", value);
    }

    /** {@code and (condition)}: each {@code ?} in it is numbered in turn and bound to the next of {@code values}. */
    public Filter and(String condition, Object... values) {
        StringBuilder numbered = new StringBuilder();
        int next = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (c == '?') {
                if (next == values.length) {
                    throw new IllegalArgumentException("more ? than values in: " + condition);
                }
                params.add(values[next++]);
                numbered.append('?').append(params.size());
            } else {
                numbered.append(c);
            }
        }
        if (next != values.length) {
            throw new IllegalArgumentException("more values than ? in: " + condition);
        }
        query.append(" and (").append(numbered).append(')');
        return this;
    }

    /** The keyset condition {@code id > ?n} after the previous page's last id, or nothing on the first page. */
    public Filter after(UUID lastId) {
        return lastId == null ? this : and("id > ?", lastId);
    }

    public String query() {
        return query.toString();
    }

    public Object[] params() {
        return params.toArray();
    }
}
