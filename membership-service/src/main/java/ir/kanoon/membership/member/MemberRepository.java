package ir.kanoon.membership.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import org.hibernate.jpa.HibernateHints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /**
     * Rows of the province a search walks in id order before it falls back to the trigram index: enough to find a
     * page of matches for any term held by at least 1 % of the province's members (bench: «کارآفرینی», 2 %).
     */
    static final int WALK_ROWS_PER_MATCH = 100;
    static final int MIN_WALK_ROWS = 2_000;
    /** The partial indexes of V5 split the walk at this length of search_text (the literal must match theirs). */
    static final int WALK_TEXT_BYTES = 2000;

    /**
     * One keyset page of the register, ordered by id (UUIDv7, i.e. admission order), fetching
     * {@code limit + 1} rows so the caller knows whether another page exists. Native SQL because this is
     * the hot path the benchmark measures (figure 5); page 1000 costs what page 1 costs.
     *
     * <p>A search within a province ({@code ?q=…&province=…}, what every provincial caller sends) first walks the
     * province in id order over the covering index {@code member_province_id_search} (V5: id and search_text in
     * the index, no table access) and stops after a page of matches (or after a window of
     * {@code max(MIN_WALK_ROWS, WALK_ROWS_PER_MATCH × (limit + 1))} members). For a common term that reads ~1,000 narrow
     * index entries (0.3 ms at 1,000,000 members) where the trigram index collects every match of the province
     * and sorts them (645 table rows, ~8 ms). Only when the walk's window holds fewer than a page of matches (a
     * rare term, or the province's last page) does the query below run, where PostgreSQL chooses the trigram
     * index. Both return the first matches after the cursor in id order: the window is a prefix of that order.
     */
    public List<Member> page(MemberFilter filter, UUID after, int limit) {
        return page(filter, after, limit, Math.max(MIN_WALK_ROWS, (limit + 1) * WALK_ROWS_PER_MATCH));
    }

    /** {@link #page(MemberFilter, UUID, int)} with the walk's window given (tests use small ones). */
    List<Member> page(MemberFilter filter, UUID after, int limit, int window) {
        if (filter.province().isPresent() && filter.searchTokens().isEmpty() && filter.category() == null
                && filter.sector() == null && filter.status() == null && filter.expertiseKey() == null) {
            return provinceListing(filter.province().get(), after, limit);
        }
        if (filter.province().isPresent() && !filter.searchTokens().isEmpty()) {
            List<Member> walked = query(filter, after, limit, window);
            if (walked.size() > limit) {
                return walked;
            }
        }
        return query(filter, after, limit, 0);
    }

    /**
     * A province's register page ({@code ?province=…}, every provincial caller's listing): the page's ids from the
     * {@code (province, id)} index alone, then their rows. Left to itself PostgreSQL walked the primary key in id
     * order and read every member of every province until it had a page of this one's (~600 table rows for 21 at
     * 31 provinces: ~0.9 ms instead of ~0.15 ms).
     */
    @SuppressWarnings("unchecked")
    List<Member> provinceListing(String province, UUID afterId, int limit) {
        String after = afterId == null ? "" : " AND w.id > :after";
        Query query = getEntityManager().createNativeQuery("SELECT m.* FROM (SELECT w.id FROM member w WHERE w.province = :province"
                + after + " ORDER BY w.province, w.id LIMIT :limit) c JOIN member m ON m.id = c.id ORDER BY m.id", Member.class)
                .setParameter("province", province)
                .setParameter("limit", limit + 1)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return query.getResultList();
    }

    /** {@code window > 0}: only the first {@code window} members of the province after the cursor are searched. */
    @SuppressWarnings("unchecked")
    List<Member> query(MemberFilter filter, UUID afterId, int limit, int window) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql;
        // the columns the search's LIKE reads: the window's (from the covering index) or the row's
        String text;
        if (window > 0) {
            // ORDER BY province, id: the order of the covering index, so the walk is an index-only scan that stops
            // after the window, and the join reads only the window's matches from the table. A btree entry holds at
            // most 2,704 bytes, so the covering index leaves out the rare search_text longer than WALK_TEXT_BYTES
            // (up to ~5 kB: 20 expertise tags of 100 letters); their rows come from member_province_id_long, merged
            // into the same id order.
            String after = afterId == null ? "" : " AND w.id > :after";
            sql = new StringBuilder("SELECT m.* FROM ("
                    + "(SELECT w.id, w.search_text FROM member w WHERE w.province = :province"
                    + " AND octet_length(w.search_text) <= " + WALK_TEXT_BYTES + after
                    + " ORDER BY w.province, w.id LIMIT :window)"
                    + " UNION ALL (SELECT w.id, w.search_text FROM member w WHERE w.province = :province"
                    + " AND octet_length(w.search_text) > " + WALK_TEXT_BYTES + after
                    + " ORDER BY w.province, w.id LIMIT :window)"
                    + " ORDER BY id LIMIT :window) c JOIN member m ON m.id = c.id WHERE true");
            params.put("window", window);
            text = "c.search_text";
        } else {
            sql = new StringBuilder("SELECT * FROM member m WHERE true");
            text = "m.search_text";
        }
        filter.province().ifPresent(p -> {
            if (window == 0) {
                sql.append(" AND m.province = :province");
            }
            params.put("province", p);
        });
        if (filter.category() != null) {
            sql.append(" AND m.category = :category");
            params.put("category", filter.category().name());
        }
        if (filter.sector() != null) {
            sql.append(" AND m.sector = :sector");
            params.put("sector", filter.sector().name());
        }
        if (filter.status() != null) {
            sql.append(" AND m.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.expertiseKey() != null) {
            sql.append(" AND m.expertise_keys @> ARRAY[CAST(:expertise AS text)]");
            params.put("expertise", filter.expertiseKey());
        }
        List<String> tokens = filter.searchTokens();
        for (int i = 0; i < tokens.size(); i++) {
            sql.append(" AND ").append(text).append(" LIKE :t").append(i).append(" ESCAPE '\\'");
            params.put("t" + i, "%" + escapeLike(tokens.get(i)) + "%");
        }
        if (afterId != null) {
            if (window == 0) {
                sql.append(" AND m.id > :after");
            }
            params.put("after", afterId);
        }
        sql.append(" ORDER BY m.id LIMIT :limit");
        params.put("limit", limit + 1);
        // read-only: a listing changes nothing, so Hibernate keeps no snapshot of the rows for dirty checking
        Query query = getEntityManager().createNativeQuery(sql.toString(), Member.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The caller's own membership: the newest one held by that Keycloak user. */
    public Optional<Member> latestOfUser(String subject) {
        return find("userSubject = ?1 order by id desc", subject).firstResultOptional();
    }

    /** The person's latest membership by national ID (a membership filed on their behalf has no subject). */
    public Optional<Member> latestOfNationalId(String nationalId) {
        return find("profile.nationalId = ?1 order by id desc", nationalId).firstResultOptional();
    }

    public Optional<Member> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Members whose term ended before {@code today}, locked and skipped by concurrent job runs. */
    @SuppressWarnings("unchecked")
    public List<Member> lockTermsEndedBefore(LocalDate today, int batch) {
        return getEntityManager().createNativeQuery(
                        "SELECT * FROM member WHERE status IN ('ACTIVE', 'SUSPENDED') AND term_end < :today "
                                + "ORDER BY term_end, id LIMIT :batch FOR UPDATE SKIP LOCKED", Member.class)
                .setParameter("today", today)
                .setParameter("batch", batch)
                .getResultList();
    }

    /** Counts by one column ({@code category}, {@code sector} or {@code status}), optionally in one province. */
    @SuppressWarnings("unchecked")
    public Map<String, Long> countBy(String column, Optional<String> province, boolean activeOnly) {
        if (!List.of("category", "sector", "status").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        StringBuilder sql = new StringBuilder("SELECT " + column + ", count(*) FROM member WHERE " + column + " IS NOT NULL");
        province.ifPresent(p -> sql.append(" AND province = :province"));
        if (activeOnly) {
            sql.append(" AND status = 'ACTIVE'");
        }
        sql.append(" GROUP BY ").append(column);
        Query q = getEntityManager().createNativeQuery(sql.toString());
        province.ifPresent(p -> q.setParameter("province", p));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) q.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static <E extends Enum<E>> Map<E, Long> complete(Class<E> type, Map<String, Long> counts) {
        Map<E, Long> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            all.put(e, counts.getOrDefault(e.name(), 0L));
        }
        return all;
    }

    static List<String> noTokens() {
        return new ArrayList<>();
    }
}
