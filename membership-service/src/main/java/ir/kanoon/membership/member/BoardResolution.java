package ir.kanoon.membership.member;

import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;

/**
 * Art. 7 (R8): the Board of Trustees supervises the qualification of members, so admission and every
 * change to a membership's standing cite the Board resolution that backs it. Without one the request
 * is refused with a 422 naming the article.
 */
public final class BoardResolution {

    private BoardResolution() {
    }

    /** The reference, canonical; a 422 naming Art. 7 when it is missing. */
    public static String require(String reference) {
        String ref = PersianText.canonical(reference == null ? null : PersianText.asciiDigits(reference));
        if (ref == null || ref.isEmpty()) {
            throw Problems.rule("Art. 7", "qualification.resolution-required");
        }
        return ref;
    }
}
