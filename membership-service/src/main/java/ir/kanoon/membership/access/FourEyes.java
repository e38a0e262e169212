package ir.kanoon.membership.access;

import ir.kanoon.platform.problem.ApiException;
import ir.kanoon.platform.security.Caller;

import java.util.List;
import java.util.Map;

/**
 * Four eyes (conventions, Security): nobody decides, reviews or changes the status of their own case.
 * A secretariat or labour-dg who applied for membership — in any province, under their account or their
 * national ID — cannot review or decide that application (Art. 7: the decision is the Board-supervised
 * act of someone else), nor suspend, reinstate, renew or terminate their own membership.
 */
public final class FourEyes {

    /** The {@code rule} member of the problem. */
    public static final String RULE = "four-eyes";

    private FourEyes() {
    }

    /**
     * 403 naming {@link #RULE} when the caller is the person of the case, or filed it on the person's behalf
     * ({@code filedBy}: the filer and the decider must be two people, or staff could file for themselves
     * without a verified national ID and decide it); {@code action} goes into the detail.
     */
    public static void requireNotOwnCase(Caller caller, String caseSubject, String caseNationalId, String filedBy,
                                         String action) {
        if (MembershipAccess.isPerson(caller, caseSubject, caseNationalId)
                || filedBy != null && filedBy.equals(caller.subject())) {
            throw new ApiException(403, "four-eyes.own-case", RULE, List.of(), Map.of(), action);
        }
    }
}
