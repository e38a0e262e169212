package ir.kanoon.membership.application;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import ir.kanoon.membership.profile.Category;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** A keyset page ordered by id (UUIDv7: submission order); {@code province}/{@code applicant} null = any. */
    public List<Application> page(String province, String applicant, String applicantNationalId,
                                  ApplicationStatus status, Category category, UUID after, int limit) {
        StringBuilder q = new StringBuilder("from Application a where 1 = 1");
        Parameters params = new Parameters();
        if (province != null) {
            q.append(" and a.province = :province");
            params.and("province", province);
        }
        if (applicant != null && applicantNationalId != null) {
            // The person's own: applied under their account, or filed under their verified national ID.
            q.append(" and (a.applicantSubject = :applicant or a.profile.nationalId = :nid)");
            params.and("applicant", applicant).and("nid", applicantNationalId);
        } else if (applicant != null) {
            q.append(" and a.applicantSubject = :applicant");
            params.and("applicant", applicant);
        }
        if (status != null) {
            q.append(" and a.status = :status");
            params.and("status", status);
        }
        if (category != null) {
            q.append(" and a.profile.category = :category");
            params.and("category", category);
        }
        if (after != null) {
            q.append(" and a.id > :after");
            params.and("after", after);
        }
        q.append(" order by a.id");
        return find(q.toString(), params).page(0, limit + 1).list();
    }

}
