package ir.kanoon.platform.persian;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersianTextTest {

    private static final String ARABIC_LETTERS = "كارآفريني";      // Arabic kaf and yeh
    private static final String PERSIAN = "کارآفرینی";
    private static final String WITH_ZWNJ = "کار\u200Cآفرینی";
    private static final String WITH_SPACE = "کار آفرینی";

    @Test
    void theFourSpellingsOfKarafariniFoldEqual() {
        String key = PersianText.fold(PERSIAN);
        assertEquals(key, PersianText.fold(ARABIC_LETTERS));
        assertEquals(key, PersianText.fold(WITH_ZWNJ));
        assertEquals(key, PersianText.fold(WITH_SPACE));
    }

    @Test
    void theyAreDifferentStringsBeforeFolding() {
        assertNotEquals(PERSIAN, ARABIC_LETTERS);
        assertNotEquals(PERSIAN, WITH_ZWNJ);
    }

    @Test
    void canonicalFixesArabicLettersAndSpacesButKeepsZwnj() {
        assertEquals(PERSIAN, PersianText.canonical(ARABIC_LETTERS));
        assertEquals(WITH_ZWNJ, PersianText.canonical(WITH_ZWNJ));
        assertEquals("علی رضایی", PersianText.canonical("  علي \t  رضايي  "));
    }

    @Test
    void foldUnifiesHamzaHehDiacriticsAndDigits() {
        assertEquals(PersianText.fold("مسئله"), PersianText.fold("مسیله"));
        assertEquals(PersianText.fold("مؤسسه"), PersianText.fold("موسسه"));
        assertEquals(PersianText.fold("خانهٔ"), PersianText.fold("خانه"));
        assertEquals(PersianText.fold("فاطمة"), PersianText.fold("فاطمه"));
        assertEquals(PersianText.fold("مُحَمَّد"), PersianText.fold("محمد"));
        assertEquals("1404", PersianText.fold("۱۴۰۴"));
        assertEquals("kanoon", PersianText.fold("KANOON"));
    }

    @Test
    void searchTokensSplitOnSpacesAndZwnj() {
        assertEquals(List.of("کار", "افرینی"), PersianText.searchTokens("كار\u200Cآفريني"));
        List<String> tokens = PersianText.searchTokens("کار آفرینی");
        String doc = PersianText.fold("مشاور کارآفرینی و نوآوری");
        assertTrue(tokens.stream().allMatch(doc::contains));
    }

    @Test
    void controlCharactersAreDroppedButZwnjKept() {
        assertEquals("کار\u200Cآفرینی", PersianText.canonical("کار\u200C\u0000آفرینی\u0007"));
        assertEquals(PersianText.fold("کارآفرینی"), PersianText.fold("کار\u0000آفرینی"));
        assertEquals(List.of("x"), PersianText.searchTokens("\u0000x\u0000"));
    }

    @Test
    void asciiDigitsConvertsBothDigitSets() {
        assertEquals("0912-345 6789", PersianText.asciiDigits("۰۹۱۲-۳۴۵ ٦٧٨٩"));
    }
}
