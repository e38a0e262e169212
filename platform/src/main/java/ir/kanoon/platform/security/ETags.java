package ir.kanoon.platform.security;

import ir.kanoon.platform.problem.Problems;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP, the one way every service builds and checks ETags (conventions,
 * Concurrency): a single resource's {@code ETag} is its entity version as a strong tag ({@code "3"}). A
 * change (PUT, PATCH, state-change POST) must send {@code If-Match}: without it 428, with a stale version 412
 * — so an edit based on an old read never silently overwrites someone else's. Weak tags ({@code W/"3"}) never
 * match: they promise only semantic equivalence, not the exact version a write must be based on (RFC 9110
 * §13.1.1 uses the strong comparison for If-Match).
 */
public final class ETags {

    private ETags() {
    }

    /** {@code "3"} for version 3: the header value. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The same tag for {@code Response.tag(...)}. */
    public static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /**
     * 428 when {@code ifMatch} is absent; 412 (with the current {@code ETag}) when it names neither {@code *}
     * nor the current version as a strong tag.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw Problems.preconditionFailed(current);
    }
}
