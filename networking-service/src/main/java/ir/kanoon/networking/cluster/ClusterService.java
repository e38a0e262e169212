package ir.kanoon.networking.cluster;

import ir.kanoon.networking.directory.DirectoryEntry;
import ir.kanoon.networking.events.NetworkingEvents;
import ir.kanoon.networking.partner.Partner;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
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
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Economic clusters (Art. 3-13), managed by the province's staff. */
@ApplicationScoped
public class ClusterService {

    static final String AGGREGATE = "CLUSTER";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    @Transactional
    public ClusterView create(ClusterForm form) {
        String province = province(form);
        Cluster c = new Cluster();
        c.id = Uuids.v7();
        c.province = province;
        apply(c, form);
        em.persist(c);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, c.id, Actor.of(caller), "CREATED").withStatus(null, c.status));
        updated(c);
        return view(c);
    }

    @Transactional
    public ClusterView replace(UUID id, String ifMatch, ClusterForm form) {
        Cluster c = em.find(Cluster.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw Problems.notFound("cluster", id);
        }
        caller.requireWrite(c.province); // clusters are not secret: another province's staff get 403
        ETags.requireMatch(ifMatch, c.version);
        if (!c.province.equalsIgnoreCase(form.province())) {
            throw Problems.invalid("province", "cluster.province-fixed");
        }
        Cluster.Status from = c.status;
        apply(c, form);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, c.id, Actor.of(caller), "UPDATED").withStatus(from, c.status));
        updated(c);
        return view(c);
    }

    private String province(ClusterForm form) {
        String province = form.province().toUpperCase();
        if (!Provinces.exists(province)) {
            throw Problems.invalid("province", "province.unknown");
        }
        caller.requireWrite(province);
        return province;
    }

    /** Members must be ACTIVE members of the cluster's province (directory), partners the province's partners. */
    private void apply(Cluster c, ClusterForm form) {
        List<UUID> members = form.memberIds() == null ? List.of() : form.memberIds().stream().distinct().toList();
        List<UUID> partners = form.partnerIds() == null ? List.of() : form.partnerIds().stream().distinct().toList();
        var v = Problems.validation();
        for (int i = 0; i < members.size(); i++) {
            DirectoryEntry e = em.find(DirectoryEntry.class, members.get(i));
            if (e == null || !e.isActive() || !e.province.equals(c.province)) {
                v.field("memberIds[" + i + "]", "cluster.member-not-active-here");
            }
        }
        for (int i = 0; i < partners.size(); i++) {
            Partner p = em.find(Partner.class, partners.get(i));
            if (p == null || !p.province.equals(c.province)) {
                v.field("partnerIds[" + i + "]", "cluster.partner-not-here");
            }
        }
        v.throwIfAny();
        c.name = PersianText.canonical(form.name());
        c.valueChain = PersianText.canonical(form.valueChain());
        c.description = PersianText.canonical(form.description());
        c.status = form.status();
        c.memberIds = members.toArray(UUID[]::new);
        c.partnerIds = partners.toArray(UUID[]::new);
    }

    private void updated(Cluster c) {
        outbox.record(NetworkingEvents.CLUSTER_UPDATED, c.id.toString(), c.province,
                new NetworkingEvents.ClusterUpdated(c.id.toString(), c.province, c.status.name(), c.memberIds.length,
                        c.partnerIds.length));
    }

    @Transactional
    public ClusterView get(UUID id) {
        Cluster c = em.find(Cluster.class, id);
        if (c == null || !caller.mayRead(c.province) && !caller.isMemberOf(c.province)) {
            throw Problems.notFound("cluster", id);
        }
        return view(c);
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        get(id);
        return history.of(id);
    }

    @Transactional
    public Page<ClusterView> list(String province, Cluster.Status status, PageRequest page) {
        String scope;
        // a provincial integration account reads its own province like the staff whose scope it shares
        // (issue 14: it used to fall through to the member branch and was refused even its own province)
        if (caller.isNational() || caller.hasAnyRole(Roles.PROVINCIAL_STAFF) || caller.hasRole(Roles.INTEGRATION)) {
            scope = caller.provinceScope(province).orElse(null);
        } else {
            scope = caller.memberProvince().orElseThrow(() -> Problems.forbidden("forbidden-province", province));
            if (province != null && !province.isBlank() && !province.equalsIgnoreCase(scope)) {
                throw Problems.forbidden("forbidden-province", province);
            }
        }
        UUID after = page.afterId();
        TypedQuery<Cluster> q = em.createQuery("from Cluster c where 1 = 1"
                + (scope == null ? "" : " and c.province = :p") + (status == null ? "" : " and c.status = :s")
                + (after == null ? "" : " and c.id > :after") + " order by c.id", Cluster.class);
        if (scope != null) {
            q.setParameter("p", scope);
        }
        if (status != null) {
            q.setParameter("s", status);
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return Page.of(q.setMaxResults(page.limit() + 1).getResultList(), page.limit(), this::view, c -> Cursor.of(c.id));
    }

    ClusterView view(Cluster c) {
        List<ClusterView.Enterprise> members = java.util.Arrays.stream(c.memberIds).map(id -> {
            DirectoryEntry e = em.find(DirectoryEntry.class, id);
            return new ClusterView.Enterprise(id, e != null && e.isActive() ? e.displayName : null);
        }).toList();
        return new ClusterView(c.id, c.province, c.name, c.valueChain, c.description, c.status, members,
                List.of(c.partnerIds), c.version);
    }
}
