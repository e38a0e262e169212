package ir.kanoon.ideabank.idea;

import ir.kanoon.platform.persian.PersianText;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What duplicate detection (issue 10) compares, in two parts.
 *
 * <p>{@link #text}: title and summary folded (Arabic ي/ك → ی/ک, ZWNJ and spaces dropped, hamza and heh forms
 * unified), so «نرم‌افزار», «نرم افزار» and «نرمافزار» give the same trigrams; the score of a similar idea is
 * pg_trgm {@code similarity} of these texts.
 *
 * <p>{@link #words}: the distinct folded words of title and summary (split on spaces, ZWNJ and punctuation; single
 * letters such as «و» dropped), kept in the {@code idea_word} table. They only pick the candidates: an idea that
 * shares none of the significant words with another is not its duplicate, and looking up ~20 words costs a few
 * thousand index entries where the ~100 trigrams of the folded text cost hundreds of thousands at 100,000 ideas
 * (bench/ideabank/RESULTS.md). A word written once joined and once split («مزرعهها» / «مزرعه‌ها») differs here,
 * but the candidate still shares its other words, and its score comes from the trigrams, where they agree.
 */
public final class SimilarityKey {

    /** Anything that is not a letter, a combining mark (diacritics, dropped by fold) or a digit separates words. */
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    private SimilarityKey() {
    }

    public static String text(String title, String summary) {
        return PersianText.fold(PersianText.canonical(title) + " " + PersianText.canonical(summary));
    }

    /** Distinct folded words of at least two letters, sorted (a stable value, so an unchanged text is no update). */
    public static List<String> words(String title, String summary) {
        TreeSet<String> words = new TreeSet<>();
        for (String part : SEPARATOR.split(PersianText.canonical(title) + " " + PersianText.canonical(summary))) {
            String folded = PersianText.fold(part);
            if (folded.length() >= 2) {
                words.add(folded);
            }
        }
        return List.copyOf(words);
    }
}
