package ir.kanoon.workgroup.cadence;

import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.workgroup.group.GroupStatus;
import ir.kanoon.workgroup.group.WorkingGroup;
import ir.kanoon.workgroup.meeting.Body;
import ir.kanoon.workgroup.support.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** R9: per body of a province, the last meeting held, the next due date and OK / DUE_SOON / OVERDUE. */
@ApplicationScoped
public class CadenceService {

    @Schema(name = "CadenceEntry")
    public record Entry(Body body, @Schema(nullable = true) UUID workingGroupId,
                        @Schema(nullable = true) String workingGroupType,
                        @Schema(nullable = true) LocalDate lastHeld, @Schema(nullable = true) String lastHeldJalali,
                        @Schema(nullable = true) LocalDate nextDue, @Schema(nullable = true) String nextDueJalali,
                        CadenceStatus status, String rule) {
    }

    @Schema(name = "Cadence")
    public record View(String province, LocalDate today, String todayJalali, List<Entry> bodies) {
    }

    @Inject
    Access access;
    @Inject
    TehranClock clock;
    @Inject
    EntityManager em;

    public View of(String province) {
        if (province == null || !Provinces.exists(province.strip().toUpperCase())) {
            throw Problems.invalid("province", "province.unknown");
        }
        String p = province.strip().toUpperCase();
        if (!access.mayRead(p)) {
            throw Problems.forbidden("forbidden-province", p);
        }
        LocalDate today = clock.today();
        List<Entry> out = new ArrayList<>();
        out.add(entry(Body.BOARD_OF_TRUSTEES, null, null, lastHeld(p, Body.BOARD_OF_TRUSTEES, null), null, today,
                "Art. 7 Note"));
        out.add(entry(Body.ASSOCIATION, null, null, lastHeld(p, Body.ASSOCIATION, null), null, today, "Art. 9 Note 2"));
        for (WorkingGroup g : WorkingGroup.<WorkingGroup>list("province = ?1 and status = ?2 order by type", p,
                GroupStatus.ACTIVE)) {
            out.add(entry(Body.WORKING_GROUP, g.id, g.type.name(), lastHeld(p, Body.WORKING_GROUP, g.id), g.formedOn,
                    today, "Art. 9 Note 2"));
        }
        return new View(p, today, JalaliDate.format(today), out);
    }

    private static Entry entry(Body body, UUID groupId, String type, LocalDate last, LocalDate since, LocalDate today,
                               String rule) {
        Cadence.Due due = Cadence.of(body, last, since, today);
        return new Entry(body, groupId, type, last, last == null ? null : JalaliDate.format(last), due.nextDue(),
                due.nextDue() == null ? null : JalaliDate.format(due.nextDue()), due.status(), rule);
    }

    private LocalDate lastHeld(String province, Body body, UUID groupId) {
        Object r = em.createNativeQuery("SELECT max(held_on) FROM meeting WHERE province = :p AND body = :b "
                        + "AND status = 'HELD' AND (CAST(:g AS uuid) IS NULL OR working_group_id = CAST(:g AS uuid))")
                .setParameter("p", province).setParameter("b", body.name())
                .setParameter("g", groupId == null ? null : groupId.toString()).getSingleResult();
        if (r == null) {
            return null;
        }
        return r instanceof LocalDate d ? d : ((Date) r).toLocalDate();
    }
}
