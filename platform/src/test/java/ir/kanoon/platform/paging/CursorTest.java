package ir.kanoon.platform.paging;

import ir.kanoon.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void encodesAndDecodesKeys() {
        String c = Cursor.of("2026-11-28T09:30:00Z", "0193f0a0-0000-7000-8000-000000000001").encode();
        assertEquals(List.of("2026-11-28T09:30:00Z", "0193f0a0-0000-7000-8000-000000000001"), Cursor.decode(c, 2).keys());
    }

    @Test
    void tamperedCursorIsA400NamingTheParameter() {
        ApiException e = assertThrows(ApiException.class, () -> Cursor.decode("%%%not-base64", 2));
        assertEquals(400, e.status());
        assertEquals("cursor", e.fieldErrors().get(0).field());
        assertThrows(ApiException.class, () -> Cursor.decode(Cursor.of("only-one").encode(), 2));
    }

    @Test
    void blankCursorIsTheFirstPage() {
        assertNull(Cursor.decode(null, 2));
        assertNull(PageRequest.of(null, " ").after(2));
    }

    @Test
    void limitDefaultsTo20AndIsCappedAt100() {
        assertEquals(20, PageRequest.of(null, null).limit());
        assertEquals(100, PageRequest.of(100, null).limit());
        assertEquals("limit", assertThrows(ApiException.class, () -> PageRequest.of(101, null)).fieldErrors().get(0).field());
        assertThrows(ApiException.class, () -> PageRequest.of(0, null));
    }

    @Test
    void pageOfFetchedPlusOneHasACursorOnlyWhenMoreRemain() {
        Page<Integer> more = Page.of(List.of(1, 2, 3), 2, i -> i * 10, i -> Cursor.of(i));
        assertEquals(List.of(10, 20), more.items());
        assertEquals(List.of("2"), Cursor.decode(more.nextCursor(), 1).keys());
        Page<Integer> last = Page.of(List.of(1, 2), 2, i -> i, i -> Cursor.of(i));
        assertNull(last.nextCursor());
    }

    @Test
    void uuidKeyIsParsed_andAnythingElseIsA400NamingCursor() {
        java.util.UUID id = java.util.UUID.fromString("0193f0a0-0000-7000-8000-000000000001");
        assertEquals(id, PageRequest.of(null, Cursor.of(id).encode()).afterId());
        assertNull(PageRequest.of(null, null).afterId());
        for (String key : List.of("not-a-uuid", "1-1-1-1-1", "0193f0a0-0000-7000-8000-00000000000g")) {
            ApiException e = assertThrows(ApiException.class,
                    () -> PageRequest.of(null, Cursor.of(key).encode()).afterId(), key);
            assertEquals(400, e.status());
            assertEquals("cursor", e.fieldErrors().get(0).field());
        }
    }
}
