package ir.kanoon.platform.security;

import ir.kanoon.platform.problem.Problems;

/**
 * Optimistic concurrency over HTTP: a single resource's {@code ETag} is its entity version; a change
 * that sends {@code If-Match} with an older version gets 412 instead of silently overwriting someone
 * else's edit. A request without {@code If-Match} is not checked (the database version still is).
 */
public final class ETags {

    private ETags() {
    }

    /** {@code "3"} for version 3 (a strong validator: versions are exact). */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 412 when {@code ifMatch} is present and names neither {@code *} nor the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw Problems.preconditionFailed(current);
    }
}
