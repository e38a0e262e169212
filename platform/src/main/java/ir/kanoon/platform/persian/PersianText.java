package ir.kanoon.platform.persian;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Persian text as the conventions want it stored and searched.
 *
 * <p>{@link #canonical} is what we store: Arabic yeh/kaf become their Persian forms (keyboards and
 * older systems still send the Arabic letters, which look the same but compare unequal), whitespace
 * is trimmed and collapsed, control characters (NUL above all) and invisible format characters are dropped
 * (zero-width space U+200B, the direction marks LRM/RLM/ALM U+200E/U+200F/U+061C, the BOM U+FEFF, bidi
 * embeddings and isolates — pasted text carries them, and two names that look identical would otherwise
 * differ), and ZWNJ (U+200C, نیم‌فاصله) is kept because it is part of correct spelling — but only once
 * and only between letters: a run of ZWNJ is one, a ZWNJ beside a space or at either end is nothing.
 *
 * <p>{@link #fold} is for matching only, never shown: it also drops ZWNJ, spaces, diacritics and
 * tatweel, unifies hamza and heh forms and digits, so «كارآفريني», «کارآفرینی», «کار‌آفرینی» and
 * «کار آفرینی» all fold to the same key.
 */
public final class PersianText {

    public static final char ZWNJ = '\u200C';

    private PersianText() {
    }

    /**
     * Storage form: Persian yeh/kaf, trimmed, single spaces, invisible format characters dropped, ZWNJ kept
     * once between letters. Null stays null.
     */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        boolean pendingZwnj = false;
        for (int i = 0; i < text.length(); i++) {
            char c = unifyLetter(text.charAt(i));
            if (isInvisible(c) || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                continue; // NUL, LRM, BOM, …: invisible, and PostgreSQL cannot store NUL
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                pendingZwnj = false; // a ZWNJ next to a space separates nothing
                continue;
            }
            if (c == ZWNJ) {
                pendingZwnj = !pendingSpace && out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
            } else if (pendingZwnj) {
                out.append(ZWNJ);
            }
            pendingSpace = false;
            pendingZwnj = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; used for identifiers and numbers. */
    public static String asciiDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(asciiDigit(text.charAt(i)));
        }
        return out.toString();
    }

    /**
     * Search key: canonical letters, no spaces or ZWNJ, no diacritics or tatweel, hamza and heh forms
     * unified, ASCII digits, Latin lower-cased. Compare folded text only with folded text.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = asciiDigit(unifyLetter(text.charAt(i)));
            if (c == ZWNJ || c == '\u200D' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isISOControl(c) || isInvisible(c) || isDiacritic(c) || c == '\u0640') {
                continue;
            }
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ؤ' -> out.append('و');
                case 'ئ' -> out.append('ی');
                case 'ء' -> { } // a lone hamza is often omitted in writing
                case 'ة', 'ۀ', 'ە' -> out.append('ه');
                default -> out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A search query as folded tokens (split on spaces and ZWNJ). A document matches when its
     * {@link #fold folded} text contains every token; splitting keeps «کار آفرینی» matching
     * «کارآفرینی» while still letting several words narrow a search.
     */
    public static List<String> searchTokens(String query) {
        List<String> tokens = new ArrayList<>();
        if (query == null) {
            return tokens;
        }
        for (String part : canonical(query).split("[\\s\\u200C\\u200D]+")) {
            String folded = fold(part);
            if (!folded.isEmpty()) {
                tokens.add(folded);
            }
        }
        return tokens;
    }

    /**
     * Invisible format characters (Unicode category Cf) other than ZWNJ and ZWJ, which shape Persian
     * letters: zero-width space U+200B, LRM U+200E, RLM U+200F, ALM U+061C, BOM/ZWNBSP U+FEFF, word
     * joiner U+2060, soft hyphen U+00AD, bidi embeddings/overrides U+202A–U+202E and isolates U+2066–U+2069.
     */
    static boolean isInvisible(char c) {
        return c != ZWNJ && c != '\u200D' && Character.getType(c) == Character.FORMAT;
    }

    private static char unifyLetter(char c) {
        return switch (c) {
            case 'ي', 'ى' -> 'ی';   // Arabic yeh, alef maksura
            case 'ك' -> 'ک';        // Arabic kaf
            default -> c;
        };
    }

    private static char asciiDigit(char c) {
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        return c;
    }

    private static boolean isDiacritic(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670';
    }
}
