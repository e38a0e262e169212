package ir.kanoon.networking.directory;

import ir.kanoon.networking.support.Access;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.Mobile;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.paging.Cursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Directory queries (Art. 3-7). Every query goes through {@link #VISIBLE}: ACTIVE members who have not hidden
 * themselves — so a hidden, suspended or terminated member disappears from every listing, search and lookup.
 */
@ApplicationScoped
public class DirectoryService {

    /** The one visibility predicate of the directory. */
    static final String VISIBLE = "d.status = 'ACTIVE' AND NOT EXISTS "
            + "(SELECT 1 FROM networking_profile p WHERE p.user_id = d.user_id AND p.hidden)";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Transactional
    public Page<DirectoryView> search(String q, String province, String sector, String category, String expertise,
                                      PageRequest page) {
        if (province != null && !province.isBlank() && !Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        StringBuilder sql = new StringBuilder("SELECT d.* FROM directory_entry d WHERE ").append(VISIBLE);
        Map<String, Object> params = new HashMap<>();
        if (province != null && !province.isBlank()) {
            sql.append(" AND d.province = :province");
            params.put("province", province.toUpperCase());
        }
        if (sector != null && !sector.isBlank()) {
            sql.append(" AND d.sector = :sector");
            params.put("sector", sector.toUpperCase());
        }
        if (category != null && !category.isBlank()) {
            sql.append(" AND d.category = :category");
            params.put("category", category.toUpperCase());
        }
        if (expertise != null && !expertise.isBlank()) {
            // folded, so «كارآفريني» finds «کار آفرینی»
            sql.append(" AND d.search_key LIKE :expertise");
            params.put("expertise", "%" + PersianText.fold(expertise) + "%");
        }
        List<String> tokens = PersianText.searchTokens(q);
        if (tokens.size() > 8) {
            throw Problems.invalid("q", "search.too-many-words", 8);
        }
        for (int i = 0; i < tokens.size(); i++) {
            sql.append(" AND d.search_key LIKE :t").append(i);
            params.put("t" + i, "%" + tokens.get(i).replace("%", "").replace("_", "") + "%");
        }
        UUID after = page.afterId();
        if (after != null) {
            sql.append(" AND d.member_id > :after");
            params.put("after", after);
        }
        sql.append(" ORDER BY d.member_id LIMIT ").append(page.limit() + 1);
        Query query = em.createNativeQuery(sql.toString(), DirectoryEntry.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<DirectoryEntry> rows = query.getResultList();
        return Page.of(rows, page.limit(), DirectoryView::of, e -> Cursor.of(e.memberId));
    }

    @Transactional
    public DirectoryView get(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<DirectoryEntry> rows = em.createNativeQuery(
                        "SELECT d.* FROM directory_entry d WHERE d.member_id = :id AND " + VISIBLE, DirectoryEntry.class)
                .setParameter("id", memberId).getResultList();
        return rows.stream().findFirst().map(DirectoryView::of)
                .orElseThrow(() -> Problems.notFound("directory entry", memberId));
    }

    /** A visible entry for other features (connections): hidden or inactive members are not there. */
    public Optional<DirectoryEntry> visible(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<DirectoryEntry> rows = em.createNativeQuery(
                        "SELECT d.* FROM directory_entry d WHERE d.member_id = :id AND " + VISIBLE, DirectoryEntry.class)
                .setParameter("id", memberId).getResultList();
        return rows.stream().findFirst();
    }

    @Transactional
    public ProfileView me() {
        NetworkingProfile p = em.find(NetworkingProfile.class, caller.subject());
        DirectoryView listing = access.ownMembership().map(DirectoryView::of).orElse(null);
        return p == null ? new ProfileView(false, null, null, null, listing)
                : new ProfileView(p.hidden, p.contactEmail, p.contactPhone, p.contactNote, listing);
    }

    /** ETag of the caller's settings: 0 before they saved any, then version + 1. */
    @Transactional
    public long etag() {
        NetworkingProfile p = em.find(NetworkingProfile.class, caller.subject());
        return p == null ? 0 : p.version + 1;
    }

    @Transactional
    public ProfileView update(String ifMatch, ProfileUpdate update) {
        NetworkingProfile p = em.find(NetworkingProfile.class, caller.subject());
        ETags.requireMatch(ifMatch, p == null ? 0 : p.version + 1);
        String phone = null;
        if (update.contactPhone() != null && !update.contactPhone().isBlank()) {
            phone = Mobile.normalize(update.contactPhone())
                    .orElseThrow(() -> Problems.invalid("contactPhone", "mobile.invalid"));
        }
        if (p == null) {
            p = new NetworkingProfile();
            p.userId = caller.subject();
            em.persist(p);
        }
        p.hidden = update.hidden();
        p.contactEmail = blankToNull(update.contactEmail());
        p.contactPhone = phone;
        p.contactNote = blankToNull(PersianText.canonical(update.contactNote()));
        em.flush();
        return me();
    }

    /** Contact details a person shares, for an accepted connection only (see ConnectionService). */
    public Optional<NetworkingProfile> profileOf(String userId) {
        return Optional.ofNullable(em.find(NetworkingProfile.class, userId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> list(String[] a) {
        return a == null ? List.of() : new ArrayList<>(List.of(a));
    }
}
