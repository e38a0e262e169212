package ir.kanoon.networking.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.kanoon.networking.events.NetworkingEvents;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.Mobile;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Partners of a province's Association and their engagement log. Staff of the province (and ministry roles) read
 * and manage them with contacts; the province's members and trustees see the organisations without contacts.
 */
@ApplicationScoped
public class PartnerService {

    static final String AGGREGATE = "PARTNER";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    @Inject
    ObjectMapper json;

    @Transactional
    public PartnerView register(PartnerForm form) {
        String province = form.province().toUpperCase();
        if (!Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        caller.requireWrite(province);
        List<PartnerForm.Contact> contacts = new ArrayList<>();
        List<PartnerForm.Contact> in = form.contacts() == null ? List.of() : form.contacts();
        for (int i = 0; i < in.size(); i++) {
            PartnerForm.Contact c = in.get(i);
            String phone = null;
            if (c.phone() != null && !c.phone().isBlank()) {
                int index = i;
                phone = Mobile.normalize(c.phone()).orElseGet(() -> {
                    String digits = PersianText.asciiDigits(c.phone()).replaceAll("[^0-9+]", "");
                    if (digits.length() < 5) {
                        throw Problems.invalid("contacts[" + index + "].phone", "partner.phone-invalid");
                    }
                    return digits; // a landline stays as written (digits only)
                });
            }
            contacts.add(new PartnerForm.Contact(PersianText.canonical(c.name()), PersianText.canonical(c.role()),
                    c.email(), phone));
        }
        Partner p = new Partner();
        p.id = Uuids.v7();
        p.province = province;
        p.kind = form.kind();
        p.name = PersianText.canonical(form.name());
        p.description = PersianText.canonical(form.description());
        p.contacts = write(contacts);
        p.searchKey = PersianText.fold(p.name);
        p.active = true;
        p.createdAt = Instant.now();
        em.persist(p);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, p.id, Actor.of(caller), "REGISTERED"));
        outbox.record(NetworkingEvents.PARTNER_REGISTERED, p.id.toString(), p.province,
                new NetworkingEvents.PartnerRegistered(p.id.toString(), p.province, p.kind.name()));
        return view(p);
    }

    @Transactional
    public EngagementView engage(UUID partnerId, EngagementForm form) {
        Partner p = readable(partnerId);
        caller.requireWrite(p.province);
        PartnerRules.requireEngagementFits(p.kind, form.kind(), form.amountRials());
        Engagement e = new Engagement();
        e.id = Uuids.v7();
        e.partnerId = p.id;
        e.kind = form.kind();
        e.occurredOn = form.occurredOn();
        e.title = PersianText.canonical(form.title());
        e.amountRials = form.amountRials();
        e.reference = form.reference();
        e.recordedBy = caller.subject();
        e.createdAt = Instant.now();
        em.persist(e);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, p.id, Actor.of(caller), "ENGAGEMENT_" + e.kind.name())
                .withReference(e.reference).withReason(e.title));
        return view(e);
    }

    /** Registration and engagements as recorded (staff of the province, ministry). */
    @Transactional
    public List<ir.kanoon.platform.history.HistoryView> history(UUID id) {
        Partner p = readable(id);
        if (!caller.mayRead(p.province)) {
            throw Problems.forbidden("forbidden-province", p.province);
        }
        return history.of(id);
    }

    @Transactional
    public PartnerView get(UUID id) {
        return view(readable(id));
    }

    @Transactional
    public Page<EngagementView> engagements(UUID partnerId, PageRequest page) {
        Partner p = readable(partnerId);
        if (!caller.mayRead(p.province)) {
            throw Problems.forbidden("forbidden-province", p.province);
        }
        UUID after = page.afterId();
        TypedQuery<Engagement> q = em.createQuery("from Engagement e where e.partnerId = :p"
                + (after == null ? "" : " and e.id > :after") + " order by e.id", Engagement.class)
                .setParameter("p", partnerId);
        if (after != null) {
            q.setParameter("after", after);
        }
        return Page.of(q.setMaxResults(page.limit() + 1).getResultList(), page.limit(), this::view, e -> Cursor.of(e.id));
    }

    @Transactional
    public Page<PartnerView> list(String province, Partner.Kind kind, String q, PageRequest page) {
        String scope = scope(province);
        StringBuilder jpql = new StringBuilder("from Partner p where p.active = true");
        Map<String, Object> params = new HashMap<>();
        if (scope != null) {
            jpql.append(" and p.province = :prov");
            params.put("prov", scope);
        }
        if (kind != null) {
            jpql.append(" and p.kind = :k");
            params.put("k", kind);
        }
        List<String> tokens = PersianText.searchTokens(q);
        for (int i = 0; i < tokens.size() && i < 8; i++) {
            jpql.append(" and p.searchKey like :t").append(i);
            params.put("t" + i, "%" + tokens.get(i) + "%");
        }
        UUID after = page.afterId();
        if (after != null) {
            jpql.append(" and p.id > :after");
            params.put("after", after);
        }
        jpql.append(" order by p.id");
        TypedQuery<Partner> query = em.createQuery(jpql.toString(), Partner.class);
        params.forEach(query::setParameter);
        return Page.of(query.setMaxResults(page.limit() + 1).getResultList(), page.limit(), this::view,
                p -> Cursor.of(p.id));
    }

    /** The provincial philanthropists' community (Art. 3-17): benefactors with their donation and pledge totals. */
    @Transactional
    public Page<PhilanthropistView> philanthropists(String province, PageRequest page) {
        String scope = scope(province);
        UUID after = page.afterId();
        String sql = "SELECT p.id, p.province, p.name,"
                + " COALESCE(SUM(e.amount_rials) FILTER (WHERE e.kind = 'DONATION'), 0),"
                + " COALESCE(SUM(e.amount_rials) FILTER (WHERE e.kind = 'PLEDGE'), 0), COUNT(e.id)"
                + " FROM partner p LEFT JOIN partner_engagement e ON e.partner_id = p.id"
                + " WHERE p.kind = 'PHILANTHROPIST' AND p.active"
                + (scope == null ? "" : " AND p.province = :prov") + (after == null ? "" : " AND p.id > :after")
                + " GROUP BY p.id, p.province, p.name ORDER BY p.id LIMIT " + (page.limit() + 1);
        var query = em.createNativeQuery(sql);
        if (scope != null) {
            query.setParameter("prov", scope);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows, page.limit(), r -> new PhilanthropistView((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue()),
                r -> Cursor.of(r[0]));
    }

    /**
     * Staff and provincial integration accounts: their province (the {@code province} claim); ministry and national
     * integration: all or ?province=; members and trustees: their own Association.
     */
    private String scope(String province) {
        if (caller.isNational() || caller.hasAnyRole(Roles.PROVINCIAL_STAFF) || caller.hasRole(Roles.INTEGRATION)) {
            return caller.provinceScope(province).orElse(null);
        }
        String own = caller.memberProvince().orElseThrow(() -> Problems.forbidden("forbidden-province", province));
        if (province != null && !province.isBlank() && !province.equalsIgnoreCase(own)) {
            throw Problems.forbidden("forbidden-province", province);
        }
        return own;
    }

    /** Staff of its province, ministry, and the province's members/trustees; 404 for others. */
    Partner readable(UUID id) {
        Partner p = em.find(Partner.class, id);
        if (p == null || !caller.mayRead(p.province) && !caller.isMemberOf(p.province)) {
            throw Problems.notFound("partner", id);
        }
        return p;
    }

    PartnerView view(Partner p) {
        List<PartnerForm.Contact> contacts = caller.mayRead(p.province) ? read(p.contacts) : null;
        return new PartnerView(p.id, p.province, p.kind, p.name, p.description, contacts, p.active, p.version);
    }

    EngagementView view(Engagement e) {
        return new EngagementView(e.id, e.partnerId, e.kind, e.occurredOn, JalaliDate.format(e.occurredOn), e.title,
                e.amountRials, e.reference, e.createdAt);
    }

    private String write(List<PartnerForm.Contact> contacts) {
        try {
            return json.writeValueAsString(contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PartnerForm.Contact> read(String contacts) {
        try {
            return json.readValue(contacts, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
