package ir.kanoon.ideabank.support;

import ir.kanoon.ideabank.workgroup.WorkingGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Puts people into a province's ideas working group the way production does: a workgroup event on Kafka. */
@ApplicationScoped
public class Reviewers {

    @Inject
    WorkingGroups groups;

    @Inject
    EntityManager em;

    public UUID join(String province, String userId) {
        UUID group = UUID.nameUUIDFromBytes(("ideas-" + province).getBytes());
        Fixtures.publish(Fixtures.memberApproved(group, province, WorkingGroups.IDEAS_TYPE, userId, "داور " + userId));
        await().atMost(Duration.ofSeconds(30)).until(() -> isMember(province, userId));
        return group;
    }

    @Transactional
    public boolean isMember(String province, String userId) {
        return groups.ideasGroupMember(province, userId).isPresent();
    }

    @Transactional
    public long rows(UUID group) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM wg_member WHERE working_group_id = ?1")
                .setParameter(1, group).getSingleResult()).longValue();
    }
}
