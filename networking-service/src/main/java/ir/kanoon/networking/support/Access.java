package ir.kanoon.networking.support;

import ir.kanoon.networking.directory.DirectoryEntry;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;

/** Who the caller is in networking terms: their ACTIVE directory entry (from membership's events), if any. */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** The caller's own ACTIVE membership as the directory projection knows it (hidden or not). */
    public Optional<DirectoryEntry> ownMembership() {
        List<DirectoryEntry> rows = em.createQuery(
                        "from DirectoryEntry where userId = :u and status = 'ACTIVE' order by asOf desc", DirectoryEntry.class)
                .setParameter("u", caller.subject()).setMaxResults(1).getResultList();
        return rows.stream().findFirst();
    }

    /** The caller's ACTIVE membership, or 403 naming the rule: networking acts are for members (Art. 3-7). */
    public DirectoryEntry requireActiveMember() {
        return ownMembership().orElseThrow(() -> Problems.forbidden("networking.members-only"));
    }
}
