package ir.kanoon.networking.supportpackage;

import ir.kanoon.networking.directory.DirectoryEntry;
import ir.kanoon.networking.events.NetworkingEvents;
import ir.kanoon.networking.support.Access;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalogue of support packages (Art. 3-4). National packages are the ministry's; a province's staff manage
 * packages for their own province only.
 */
@ApplicationScoped
public class SupportPackageService {

    static final String AGGREGATE = "SUPPORT_PACKAGE";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    @Inject
    TehranClock clock;

    @Transactional
    public SupportPackageView create(SupportPackageForm form) {
        List<String> categories = upper(form.categories());
        List<String> sectors = upper(form.sectors());
        List<String> provinces = upper(form.provinces());
        SupportEligibility.validate(categories, sectors);
        for (int i = 0; i < provinces.size(); i++) {
            if (!Provinces.exists(provinces.get(i))) {
                throw Problems.invalid("provinces[" + i + "]", "province.unknown");
            }
        }
        if (form.validUntil().isBefore(form.validFrom())) {
            throw Problems.invalid("validUntil", "support.period");
        }
        String owner = null;
        if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
            // a province's staff offer packages to their own province's members only
            owner = caller.province().orElseThrow(() -> Problems.forbidden("forbidden"));
            caller.requireWrite(owner);
            for (String p : provinces) {
                caller.requireWrite(p);
            }
            if (provinces.isEmpty()) {
                provinces = List.of(owner);
            }
        }
        SupportPackage s = new SupportPackage();
        s.id = Uuids.v7();
        s.title = PersianText.canonical(form.title());
        s.description = PersianText.canonical(form.description());
        s.kind = form.kind();
        s.provider = PersianText.canonical(form.provider());
        s.ownerProvince = owner;
        s.categories = categories.toArray(String[]::new);
        s.sectors = sectors.toArray(String[]::new);
        s.provinces = provinces.toArray(String[]::new);
        s.validFrom = form.validFrom();
        s.validUntil = form.validUntil();
        s.status = SupportPackage.Status.DRAFT;
        em.persist(s);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, s.id, Actor.of(caller), "CREATED").withStatus(null, s.status));
        return view(s);
    }

    @Transactional
    public SupportPackageView publish(UUID id, String ifMatch) {
        SupportPackage s = manageable(id);
        ETags.requireMatch(ifMatch, s.version);
        if (s.status != SupportPackage.Status.DRAFT) {
            throw Problems.conflict("support.transition", "publish", s.status);
        }
        s.status = SupportPackage.Status.PUBLISHED;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, s.id, Actor.of(caller), "PUBLISHED")
                .withStatus(SupportPackage.Status.DRAFT, s.status));
        outbox.record(NetworkingEvents.SUPPORT_PACKAGE_PUBLISHED, s.id.toString(), s.ownerProvince,
                new NetworkingEvents.SupportPackagePublished(s.id.toString(), List.of(s.provinces)));
        return view(s);
    }

    @Transactional
    public SupportPackageView withdraw(UUID id, String ifMatch, String reason) {
        SupportPackage s = manageable(id);
        ETags.requireMatch(ifMatch, s.version);
        if (s.status == SupportPackage.Status.WITHDRAWN) {
            throw Problems.conflict("support.transition", "withdraw", s.status);
        }
        SupportPackage.Status from = s.status;
        s.status = SupportPackage.Status.WITHDRAWN;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, s.id, Actor.of(caller), "WITHDRAWN").withStatus(from, s.status)
                .withReason(PersianText.canonical(reason)));
        return view(s);
    }

    @Transactional
    public SupportPackageView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        visible(id);
        return history.of(id);
    }

    /** The catalogue: published packages; drafts too for those who manage them. */
    @Transactional
    public Page<SupportPackageView> list(String province, SupportPackage.Kind kind, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT s.* FROM support_package s WHERE ");
        Map<String, Object> params = new HashMap<>();
        if (caller.hasRole(Roles.MINISTRY_ADMIN) || caller.hasRole(Roles.MINISTRY_ANALYST)) {
            sql.append("TRUE");
        } else if (caller.province().isPresent() && caller.hasAnyRole(Roles.PROVINCIAL_STAFF)) {
            sql.append("(s.status = 'PUBLISHED' OR s.owner_province = :own)");
            params.put("own", caller.province().get());
        } else {
            sql.append("s.status = 'PUBLISHED'");
        }
        if (province != null && !province.isBlank()) {
            sql.append(" AND (cardinality(s.provinces) = 0 OR :p = ANY(s.provinces))");
            params.put("p", province.toUpperCase());
        }
        if (kind != null) {
            sql.append(" AND s.kind = :k");
            params.put("k", kind.name());
        }
        return page(sql, params, page);
    }

    /**
     * The published packages the calling member may use today: their category (Art. 4, R7), sector and province
     * (from the directory projection), within the package's period.
     */
    @Transactional
    public Page<SupportPackageView> eligible(PageRequest page) {
        DirectoryEntry me = access.requireActiveMember();
        StringBuilder sql = new StringBuilder("SELECT s.* FROM support_package s WHERE s.status = 'PUBLISHED'"
                + " AND (cardinality(s.categories) = 0 OR :c = ANY(s.categories))"
                + " AND (cardinality(s.sectors) = 0 OR :sec = ANY(s.sectors))"
                + " AND (cardinality(s.provinces) = 0 OR :p = ANY(s.provinces))"
                + " AND s.valid_from <= :today AND s.valid_until >= :today");
        Map<String, Object> params = new HashMap<>();
        params.put("c", me.category);
        params.put("sec", me.sector == null ? "" : me.sector);
        params.put("p", me.province);
        params.put("today", clock.today());
        // the SQL above narrows by index; the rule class has the last word on every row it returns
        Page<SupportPackageView> found = page(sql, params, page);
        return new Page<>(found.items().stream().filter(s -> SupportEligibility.eligible(s.categories(), s.sectors(),
                s.provinces(), s.validFrom(), s.validUntil(), me.category, me.sector, me.province, clock.today()))
                .toList(), found.nextCursor());
    }

    private Page<SupportPackageView> page(StringBuilder sql, Map<String, Object> params, PageRequest page) {
        UUID after = page.afterId();
        if (after != null) {
            sql.append(" AND s.id > :after");
            params.put("after", after);
        }
        sql.append(" ORDER BY s.id LIMIT ").append(page.limit() + 1);
        Query q = em.createNativeQuery(sql.toString(), SupportPackage.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<SupportPackage> rows = q.getResultList();
        return Page.of(rows, page.limit(), this::view, s -> Cursor.of(s.id));
    }

    private SupportPackage visible(UUID id) {
        SupportPackage s = em.find(SupportPackage.class, id);
        if (s == null || s.status == SupportPackage.Status.DRAFT && !mayManageRead(s)) {
            throw Problems.notFound("support package", id);
        }
        return s;
    }

    private boolean mayManageRead(SupportPackage s) {
        return caller.isNational() || s.ownerProvince != null && caller.isOwnProvince(s.ownerProvince);
    }

    /** National packages: ministry-admin; a province's: its staff (403 for another province or a read-only role). */
    private SupportPackage manageable(UUID id) {
        SupportPackage s = em.find(SupportPackage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw Problems.notFound("support package", id);
        }
        if (s.ownerProvince == null) {
            if (!caller.hasRole(Roles.MINISTRY_ADMIN)) {
                throw Problems.forbidden("forbidden");
            }
        } else {
            caller.requireWrite(s.ownerProvince);
        }
        return s;
    }

    private static List<String> upper(List<String> in) {
        return in == null ? List.of() : in.stream().map(x -> x.strip().toUpperCase()).distinct().toList();
    }

    SupportPackageView view(SupportPackage s) {
        return new SupportPackageView(s.id, s.title, s.description, s.kind, s.provider, s.ownerProvince,
                List.of(s.categories), List.of(s.sectors), List.of(s.provinces), s.validFrom,
                JalaliDate.format(s.validFrom), s.validUntil, JalaliDate.format(s.validUntil), s.status, s.version);
    }
}
