package ir.kanoon.platform.persian;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stored (canonical) and search (folded) forms of Persian text, each compared with an expectation written
 * out independently (letter by letter, as code points where the characters are invisible) — never with
 * the output of the function under test.
 */
class PersianTextTest {

    // کارآفرینی written with the Persian letters, code point by code point.
    private static final String KARAFARINI = "\u06A9\u0627\u0631\u0622\u0641\u0631\u06CC\u0646\u06CC";
    // Its search key: alef-madda folded to alef.
    private static final String KARAFARINI_KEY = "\u06A9\u0627\u0631\u0627\u0641\u0631\u06CC\u0646\u06CC";
    private static final char ZWNJ = '\u200C';

    @Test
    void canonical_arabicYehAndKafBecomePersian() {
        // Arabic kaf U+0643 and yeh U+064A as older keyboards type them
        assertEquals(KARAFARINI, PersianText.canonical("\u0643\u0627\u0631\u0622\u0641\u0631\u064A\u0646\u064A"));
        assertEquals("\u0639\u0644\u06CC \u0631\u0636\u0627\u06CC\u06CC", PersianText.canonical("  علي \t  رضايي  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200E", "\u200F", "\u061C", "\uFEFF", "\u2060", "\u202B", "\u2067", "\u00AD"})
    void canonical_invisibleMarksAreRemoved(String mark) {
        // ZWSP, LRM, RLM, ALM, BOM, word joiner, an RLE embedding, an RLI isolate, a soft hyphen
        assertEquals("\u0639\u0644\u06CC", PersianText.canonical(mark + "\u0639" + mark + "\u0644\u06CC" + mark));
        assertEquals("\u0639\u0644\u06CC", PersianText.fold("\u0639" + mark + "\u0644\u06CC"));
    }

    @Test
    void canonical_keepsOneZwnjBetweenLetters() {
        String expected = "\u0645\u06CC" + ZWNJ + "\u0631\u0648\u0645"; // می‌روم
        assertEquals(expected, PersianText.canonical("\u0645\u06CC" + ZWNJ + "\u0631\u0648\u0645"));
        assertEquals(expected, PersianText.canonical("\u0645\u06CC" + ZWNJ + ZWNJ + ZWNJ + "\u0631\u0648\u0645"));
        assertEquals(expected, PersianText.canonical("\u0645\u06CC" + ZWNJ + "\u200B" + ZWNJ + "\u0631\u0648\u0645"));
    }

    @Test
    void canonical_zwnjBesideASpaceOrAtTheEndsIsDropped() {
        String twoWords = "\u0645\u06CC \u0631\u0648\u0645";
        assertEquals(twoWords, PersianText.canonical("\u0645\u06CC" + ZWNJ + " \u0631\u0648\u0645"));
        assertEquals(twoWords, PersianText.canonical("\u0645\u06CC " + ZWNJ + ZWNJ + "\u0631\u0648\u0645"));
        assertEquals("\u0645\u06CC", PersianText.canonical(ZWNJ + "\u0645\u06CC" + ZWNJ));
    }

    @Test
    void canonical_dropsControlCharactersAndKeepsZwnj() {
        assertEquals("\u06A9\u0627\u0631" + ZWNJ + "\u0622\u0641\u0631\u06CC\u0646\u06CC",
                PersianText.canonical("\u06A9\u0627\u0631" + ZWNJ + "\u0000\u0622\u0641\u0631\u06CC\u0646\u06CC\u0007"));
    }

    @Test
    void fold_theSpellingsOfKarafariniShareOneKey() {
        assertEquals(KARAFARINI_KEY, PersianText.fold("كارآفريني"));                          // Arabic letters
        assertEquals(KARAFARINI_KEY, PersianText.fold(KARAFARINI));
        assertEquals(KARAFARINI_KEY, PersianText.fold("\u06A9\u0627\u0631" + ZWNJ + "\u0622\u0641\u0631\u06CC\u0646\u06CC"));
        assertEquals(KARAFARINI_KEY, PersianText.fold("\u06A9\u0627\u0631 \u0622\u0641\u0631\u06CC\u0646\u06CC"));
        assertEquals(KARAFARINI_KEY, PersianText.fold("\uFEFF\u06A9\u0627\u0631\u200B\u0622\u0641\u0631\u06CC\u0646\u06CC\u200F"));
    }

    @Test
    void fold_unifiesHamzaHehDiacriticsDigitsAndCase() {
        assertEquals("\u0645\u0633\u06CC\u0644\u0647", PersianText.fold("مسئله"));      // yeh with hamza → yeh
        assertEquals("\u0645\u0648\u0633\u0633\u0647", PersianText.fold("مؤسسه"));      // waw with hamza → waw
        assertEquals("\u062E\u0627\u0646\u0647", PersianText.fold("خانهٔ"));            // hamza above dropped
        assertEquals("\u0641\u0627\u0637\u0645\u0647", PersianText.fold("فاطمة"));      // teh marbuta → heh
        assertEquals("\u0645\u062D\u0645\u062F", PersianText.fold("مُحَمَّد"));          // diacritics dropped
        assertEquals("1404", PersianText.fold("۱۴۰۴"));
        assertEquals("kanoon", PersianText.fold("KANOON"));
    }

    @Test
    void searchTokens_splitOnSpacesAndZwnj_andIgnoreInvisibleMarks() {
        assertEquals(List.of("\u06A9\u0627\u0631", "\u0627\u0641\u0631\u06CC\u0646\u06CC"),
                PersianText.searchTokens("كار\u200Cآفريني"));
        assertEquals(List.of("\u06A9\u0627\u0631", "\u0627\u0641\u0631\u06CC\u0646\u06CC"),
                PersianText.searchTokens("\u200Eکار \u200Fآفرینی\uFEFF"));
        assertEquals(List.of("x"), PersianText.searchTokens("\u0000x\u0000"));
    }

    @Test
    void asciiDigits_convertsBothDigitSets() {
        assertEquals("0912-345 6789", PersianText.asciiDigits("۰۹۱۲-۳۴۵ ٦٧٨٩"));
    }
}
