package ir.kanoon.membership.member;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

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
     * One keyset page of the register, ordered by id (UUIDv7, i.e. admission order), fetching
     * {@code limit + 1} rows so the caller knows whether another page exists. Native SQL because this is
     * the hot path the benchmark measures: {@code search_text LIKE '%token%'} uses the pg_trgm GIN index,
     * the filters use the {@code (province, <filter>, id)} indexes, and page 1000 costs what page 1 costs.
     */
    @SuppressWarnings("unchecked")
    public List<Member> page(MemberFilter filter, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM member m WHERE true");
        Map<String, Object> params = new LinkedHashMap<>();
        filter.province().ifPresent(p -> {
            sql.append(" AND m.province = :province");
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
            sql.append(" AND m.search_text LIKE :t").append(i).append(" ESCAPE '\\'");
            params.put("t" + i, "%" + escapeLike(tokens.get(i)) + "%");
        }
        if (after != null) {
            sql.append(" AND m.id > :after");
            params.put("after", after);
        }
        sql.append(" ORDER BY m.id LIMIT :limit");
        params.put("limit", limit + 1);
        Query query = getEntityManager().createNativeQuery(sql.toString(), Member.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /** The person's current membership (any status but TERMINATED), if any. */
    public Optional<Member> openByNationalId(String nationalId) {
        return find("profile.nationalId = ?1 and status <> ?2", nationalId, MemberStatus.TERMINATED).firstResultOptional();
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
