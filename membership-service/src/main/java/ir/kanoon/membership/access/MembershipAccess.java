package ir.kanoon.membership.access;

import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.Roles;

import java.util.Optional;

/**
 * Who may do what with applications and members, on top of the platform's {@link Caller} checks. Kept in
 * one place so resources, services and tests read the same policy.
 *
 * <p>Staff act on the province of their {@code province} claim (the staff scope, set by administrators);
 * members and trustees read their own Association by {@code member_province} (set by the role sync). The
 * two are never mixed: becoming a member somewhere gives no staff power there (conventions, Security).
 */
public final class MembershipAccess {

    /** Staff roles that read a province's applications: its secretariat (Art. 6 Notes 1, 3) and Board officers. */
    public static final String[] APPLICATION_STAFF = {Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY};
    /** Roles that read a province's applications: its secretariat (Art. 6 Notes 1, 3) and its Board (Art. 7). */
    public static final String[] APPLICATION_READERS = {Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.TRUSTEE};
    /** Roles that read a province's register of members; members see their own Association. */
    public static final String[] MEMBER_READERS = {Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.TRUSTEE, Roles.MEMBER, Roles.INTEGRATION};
    /** Roles whose reach is their {@code member_province}: people in the Association. */
    private static final String[] ASSOCIATION_ROLES = {Roles.TRUSTEE, Roles.MEMBER};

    private MembershipAccess() {
    }

    /** Ministry roles (and national integration accounts) read every province. */
    public static boolean isNationalReader(Caller caller) {
        return caller.isNational();
    }

    /**
     * Qualification decisions and membership status changes are acts of the province's secretariat
     * (R13, Art. 6 Notes 1, 3) recording the Board's supervision (Art. 7, R8): secretariat or labour-dg
     * of that very province (staff scope), nobody else — not even the ministry, which supervises but does
     * not decide. Four eyes ({@link FourEyes}) is checked on top.
     */
    public static boolean mayDecide(Caller caller, String province) {
        return caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG) && caller.mayWrite(province)
                && caller.isOwnProvince(province);
    }

    public static boolean mayReadApplications(Caller caller, String province) {
        return caller.hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || caller.hasAnyRole(APPLICATION_STAFF) && caller.isOwnProvince(province)
                || caller.hasRole(Roles.TRUSTEE) && caller.isMemberOf(province);
    }

    public static boolean mayReadMembers(Caller caller, String province) {
        return isNationalReader(caller)
                || caller.hasAnyRole(APPLICATION_STAFF) && caller.isOwnProvince(province)
                || caller.hasRole(Roles.INTEGRATION) && caller.isOwnProvince(province)
                || caller.hasAnyRole(ASSOCIATION_ROLES) && caller.isMemberOf(province);
    }

    /**
     * The province a listing is limited to: staff and national callers as {@link Caller#provinceScope};
     * members and trustees without a staff scope their own Association ({@code member_province}).
     */
    public static Optional<String> readScope(Caller caller, String requested) {
        if (caller.isNational() || caller.province().isPresent() || !caller.hasAnyRole(ASSOCIATION_ROLES)) {
            return caller.provinceScope(requested);
        }
        String own = caller.memberProvince().orElseThrow(() -> Problems.forbidden("forbidden-province", requested));
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase(own)) {
            throw Problems.forbidden("forbidden-province", requested);
        }
        return Optional.of(own);
    }

    /**
     * Is the caller the person of this case: the account that applied, or the person whose verified
     * {@code national_id} claim is the case's national ID (an application filed on their behalf)?
     */
    public static boolean isPerson(Caller caller, String subject, String nationalId) {
        return subject != null && subject.equals(caller.subject())
                || nationalId != null && caller.nationalId().map(nationalId::equals).orElse(false);
    }

    /**
     * Personal data (national ID, mobile, birth date, e-mail) is shown to the person, their province's
     * secretariat and labour-dg, and ministry roles; everyone else sees it masked (conventions, Security).
     */
    public static boolean seesPersonalData(Caller caller, String province, String personSubject, String nationalId) {
        return isPerson(caller, personSubject, nationalId)
                || caller.hasAnyRole(Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST)
                || caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG) && caller.isOwnProvince(province);
    }
}
