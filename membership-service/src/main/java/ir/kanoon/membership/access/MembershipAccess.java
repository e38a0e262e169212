package ir.kanoon.membership.access;

import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.Roles;

/**
 * Who may do what with applications and members, on top of the platform's {@link Caller} province check.
 * Kept in one place so resources, services and tests read the same policy.
 */
public final class MembershipAccess {

    /** Roles that read a province's applications: its secretariat (Art. 6 Notes 1, 3) and its Board (Art. 7). */
    public static final String[] APPLICATION_READERS = {Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.TRUSTEE};
    /** Roles that read a province's register of members; members see their own Association. */
    public static final String[] MEMBER_READERS = {Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.TRUSTEE, Roles.MEMBER, Roles.INTEGRATION};

    private MembershipAccess() {
    }

    /** Ministry roles (and national integration accounts) read every province. */
    public static boolean isNationalReader(Caller caller) {
        return caller.isNational();
    }

    /**
     * Qualification decisions and membership status changes are acts of the province's secretariat
     * (R13, Art. 6 Notes 1, 3) recording the Board's supervision (Art. 7, R8): secretariat or labour-dg
     * of that very province, nobody else — not even the ministry, which supervises but does not decide.
     */
    public static boolean mayDecide(Caller caller, String province) {
        return caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG) && ownProvince(caller, province);
    }

    public static boolean mayReadApplications(Caller caller, String province) {
        return caller.hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || caller.hasAnyRole(APPLICATION_READERS) && ownProvince(caller, province);
    }

    public static boolean mayReadMembers(Caller caller, String province) {
        return isNationalReader(caller) || caller.hasAnyRole(MEMBER_READERS) && ownProvince(caller, province);
    }

    /**
     * Personal data (national ID, mobile, birth date, e-mail) is shown to the person, their province's
     * secretariat and labour-dg, and ministry roles; everyone else sees it masked (conventions, Security).
     */
    public static boolean seesPersonalData(Caller caller, String province, String personSubject) {
        return caller.subject().equals(personSubject)
                || caller.hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG) && ownProvince(caller, province);
    }

    public static boolean ownProvince(Caller caller, String province) {
        return caller.province().map(p -> p.equalsIgnoreCase(province)).orElse(false);
    }
}
