package ir.kanoon.workgroup.meeting;

import ir.kanoon.workgroup.group.SeatStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * The members of a body today, from the local projection: the Board = the province's active trustees; the
 * Association = its active members; a working group = its APPROVED seats (R11) whose holder is still an
 * active member or trustee. The quorum's denominator and the invitation list.
 */
@ApplicationScoped
public class Roster {

    public record Person(UUID personId, String userId, String displayName) {
    }

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<Person> of(String province, Body body, UUID workingGroupId) {
        List<Object[]> rows;
        if (body == Body.WORKING_GROUP) {
            rows = em.createNativeQuery("""
                    SELECT s.person_id, p.user_id, p.display_name FROM group_member s
                    JOIN eligible_person p ON p.person_id = s.person_id
                    WHERE s.working_group_id = :g AND s.status = :approved AND p.active
                    ORDER BY s.person_id""")
                    .setParameter("g", workingGroupId).setParameter("approved", SeatStatus.APPROVED.name())
                    .getResultList();
        } else {
            rows = em.createNativeQuery("""
                    SELECT person_id, user_id, display_name FROM eligible_person
                    WHERE province = :p AND kind = :k AND active ORDER BY person_id""")
                    .setParameter("p", province)
                    .setParameter("k", body == Body.BOARD_OF_TRUSTEES ? "TRUSTEE" : "MEMBER")
                    .getResultList();
        }
        return rows.stream().map(r -> new Person((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }
}
