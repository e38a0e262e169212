package ir.kanoon.platform.province;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R1 (Art. 1, 6): one Association per province, 31 provinces. */
class ProvincesTest {

    @Test
    void r1ThereAreThirtyOneProvinces() {
        assertEquals(31, Provinces.all().size());
        assertEquals(31, Provinces.all().stream().map(Province::code).distinct().count());
    }

    @Test
    void lookupByCode() {
        assertEquals("Tehran", Provinces.byCode("IR-07").orElseThrow().nameEn());
        assertEquals("اصفهان", Provinces.byCode("ir-04").orElseThrow().nameFa());
        assertTrue(Provinces.exists("IR-32"));
        assertFalse(Provinces.exists("IR-09"), "ISO 3166-2:IR has no IR-09");
        assertFalse(Provinces.exists(null));
    }
}
