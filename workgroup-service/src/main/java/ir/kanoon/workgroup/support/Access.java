package ir.kanoon.workgroup.support;

import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.Roles;
import ir.kanoon.workgroup.group.GroupMember;
import ir.kanoon.workgroup.group.GroupRole;
import ir.kanoon.workgroup.group.SeatStatus;
import ir.kanoon.workgroup.meeting.Body;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Who may read and who may act (conventions, Security; R13, Art. 6 Notes 1 and 3): the secretariat of the
 * province's Directorate-General of Labour — {@code secretariat} and {@code labour-dg} — convenes the Board and
 * the Association and keeps their records; a working group's approved secretary convenes and records that
 * group's meetings (Art. 9 Note 1). Readers: staff of the province, ministry roles, and the Association's
 * own people ({@code member_province}).
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    public boolean mayRead(String province) {
        return caller.mayRead(province) || caller.isMemberOf(province);
    }

    /**
     * The province a listing is limited to (null = all, for national callers). Staff: their scope; members and
     * trustees: their Association.
     */
    public String readScope(String requested) {
        if (caller.isNational() || caller.province().isPresent()) {
            return caller.provinceScope(requested).orElse(null);
        }
        String own = caller.memberProvince().orElseThrow(() -> Problems.forbidden("forbidden-province", requested));
        if (requested != null && !requested.isBlank() && !requested.equalsIgnoreCase(own)) {
            throw Problems.forbidden("forbidden-province", requested);
        }
        return own;
    }

    /** The secretariat's acts (R13): secretariat or labour-dg of the province (or ministry-admin). */
    public void requireSecretariat(String province) {
        caller.requireWrite(province); // read-only roles and other provinces first: their own 403 texts
        if (!caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN)) {
            throw Problems.forbidden("forbidden-role", "secretariat, labour-dg");
        }
    }

    /** R13: convening and recording a meeting of {@code body}. */
    public void requireConvener(String province, Body body, UUID workingGroupId) {
        if (body != Body.WORKING_GROUP) {
            if (!caller.hasAnyRole(Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MINISTRY_ADMIN)) {
                throw Problems.forbidden("convene.forbidden", body, "secretariat, labour-dg");
            }
            caller.requireWrite(province);
            return;
        }
        if (caller.hasRole(Roles.MINISTRY_ADMIN)) {
            return;
        }
        if (!isGroupSecretary(province, workingGroupId)) {
            throw Problems.forbidden("convene.forbidden", body, "the working group's secretary");
        }
    }

    public boolean isGroupSecretary(String province, UUID workingGroupId) {
        return workingGroupId != null && caller.isMemberOf(province) && !caller.isReadOnly()
                && GroupMember.count("workingGroupId = ?1 and role = ?2 and status = ?3 and userId = ?4",
                workingGroupId, GroupRole.SECRETARY, SeatStatus.APPROVED, caller.subject()) > 0;
    }

    public Caller caller() {
        return caller;
    }
}
