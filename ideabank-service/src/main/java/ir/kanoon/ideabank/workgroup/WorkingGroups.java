package ir.kanoon.ideabank.workgroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Reads the working-group projection. */
@ApplicationScoped
public class WorkingGroups {

    /** Art. 9 type 2: ideas, initiatives and inventions, innovation and technology. */
    public static final String IDEAS_TYPE = "IDEAS_INVENTIONS_INNOVATION";

    @Inject
    EntityManager em;

    /** The display name of {@code userId} if they sit (actively) in {@code province}'s ideas working group. */
    public Optional<String> ideasGroupMember(String province, String userId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                SELECT coalesce(display_name, '') FROM wg_member
                WHERE province = ?1 AND wg_type = ?2 AND user_id = ?3 AND active LIMIT 1""")
                .setParameter(1, province).setParameter(2, IDEAS_TYPE).setParameter(3, userId).getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }
}
