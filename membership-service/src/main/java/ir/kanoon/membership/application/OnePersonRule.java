package ir.kanoon.membership.application;

import ir.kanoon.membership.access.MembershipAccess;
import ir.kanoon.platform.problem.ApiException;
import ir.kanoon.platform.province.Province;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One person (national ID) holds at most one open application or non-terminated membership, nationwide:
 * Associations are provincial, but a person belongs to one. Checked under a per-person advisory lock so
 * two concurrent applications cannot both pass; partial unique indexes are the backstop.
 *
 * <p>Existence disclosure: the 409 says where the existing one is — its kind and province — and links it
 * only to callers who may see that record (the person, or a reader of its province). Everyone else gets a
 * 409 that says only that the national ID is taken, so the rule cannot be used to learn in which province
 * someone is a member or applicant.
 */
@ApplicationScoped
public class OnePersonRule {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /**
     * What holds the national ID already, application first: one statement over both tables (two Hibernate
     * queries and entity loads before, issue 13: a write cost twice pgbench's database time). Statuses as in
     * the partial unique indexes {@code application_one_open_per_person} and {@code member_one_per_person}.
     */
    private static final String HOLDERS = """
            SELECT * FROM (
              (SELECT 'application' AS kind, id, province, applicant_subject AS subject FROM application
                WHERE national_id = :nid AND status IN ('SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO') LIMIT 1)
              UNION ALL
              (SELECT 'member', id, province, user_subject FROM member
                WHERE national_id = :nid AND status <> 'TERMINATED' LIMIT 1)) holders
            ORDER BY kind LIMIT 1""";

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNoOther(String nationalId) {
        // The lock is its own statement: a statement's snapshot is taken when it starts, so a check in the same
        // statement as the lock would not see an application committed while this one waited for it.
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:nid))) l")
                .setParameter("nid", "person:" + nationalId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> holders = em.createNativeQuery(HOLDERS).setParameter("nid", nationalId).getResultList();
        if (holders.isEmpty()) {
            return;
        }
        Object[] holder = holders.get(0);
        UUID id = (UUID) holder[1];
        String province = (String) holder[2];
        String subject = (String) holder[3];
        if ("application".equals(holder[0])) {
            throw duplicate("person.open-application", province,
                    MembershipAccess.isPerson(caller, subject, nationalId)
                            || MembershipAccess.mayReadApplications(caller, province), "/api/v1/applications/", id);
        }
        throw duplicate("person.existing-membership", province,
                MembershipAccess.isPerson(caller, subject, nationalId)
                        || MembershipAccess.mayReadMembers(caller, province), "/api/v1/members/", id);
    }

    private ApiException duplicate(String code, String province, boolean visible, String path, UUID id) {
        if (!visible) {
            return new ApiException(409, "person.taken", null, List.of(), Map.of());
        }
        Province p = Provinces.byCode(province).orElse(new Province(province, province, province));
        return new ApiException(409, code, null, List.of(), Map.of("Link", "<" + path + id + ">; rel=\"related\""),
                p.code(), p.nameEn(), p.nameFa());
    }
}
