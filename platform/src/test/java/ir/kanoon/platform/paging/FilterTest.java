package ir.kanoon.platform.paging;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FilterTest {

    @Test
    void absentFiltersAddNothing_givenOnesAreNumberedInOrder() {
        UUID last = UUID.fromString("01900000-0000-7000-8000-000000000001");
        Filter f = Filter.where().eq("province", "IR-07").eq("type", null).eq("status", "OPEN")
                .and("(dueDate is null or dueDate >= ?)", "2026-11-29").after(last);
        assertEquals("1 = 1 and (province = ?1) and (status = ?2) and ((dueDate is null or dueDate >= ?3)) and (id > ?4)",
                f.query());
        assertArrayEquals(new Object[]{"IR-07", "OPEN", "2026-11-29", last}, f.params());
    }

    @Test
    void aConditionWithSeveralParametersNumbersEach_andNoFilterIsEveryRow() {
        Filter f = Filter.where().and("status = ? or dueDate >= ?", "DONE", "2026-11-29");
        assertEquals("1 = 1 and (status = ?1 or dueDate >= ?2)", f.query());
        assertEquals("1 = 1", Filter.where().after(null).query());
        assertEquals(0, Filter.where().params().length);
    }

    @Test
    void placeholdersAndValuesMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> Filter.where().and("a = ? and b = ?", 1));
        assertThrows(IllegalArgumentException.class, () -> Filter.where().and("a = ?", 1, 2));
    }
}
