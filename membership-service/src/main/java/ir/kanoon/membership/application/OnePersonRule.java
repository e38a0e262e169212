package ir.kanoon.membership.application;

import ir.kanoon.membership.access.MembershipAccess;
import ir.kanoon.membership.member.Member;
import ir.kanoon.membership.member.MemberRepository;
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
    ApplicationRepository applications;

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireNoOther(String nationalId) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:nid))) l")
                .setParameter("nid", "person:" + nationalId).getSingleResult();
        applications.openByNationalId(nationalId).ifPresent(a -> {
            throw duplicate("person.open-application", a.province,
                    MembershipAccess.isPerson(caller, a.applicantSubject, nationalId)
                            || MembershipAccess.mayReadApplications(caller, a.province), "/api/v1/applications/", a.id);
        });
        members.openByNationalId(nationalId).ifPresent((Member m) -> {
            throw duplicate("person.existing-membership", m.province,
                    MembershipAccess.isPerson(caller, m.userSubject, nationalId)
                            || MembershipAccess.mayReadMembers(caller, m.province), "/api/v1/members/", m.id);
        });
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
