package ir.kanoon.networking.connection;

import ir.kanoon.networking.directory.DirectoryEntry;
import ir.kanoon.networking.directory.DirectoryService;
import ir.kanoon.networking.directory.NetworkingProfile;
import ir.kanoon.networking.events.NetworkingEvents;
import ir.kanoon.networking.support.Access;
import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Introductions between members (Art. 3-7). Only the two parties ever see a request. */
@ApplicationScoped
public class ConnectionService {

    static final String AGGREGATE = "CONNECTION";

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Access access;

    @Inject
    DirectoryService directory;

    @Inject
    Outbox outbox;

    @Inject
    History history;

    @Inject
    TehranClock clock;

    @ConfigProperty(name = "kanoon.networking.connections.daily-cap", defaultValue = "10")
    int dailyCap;

    @Transactional
    public ConnectionView request(ConnectionForm form) {
        DirectoryEntry me = access.requireActiveMember();
        ConnectionRules.requireOther(me.memberId, form.targetMemberId());
        DirectoryEntry target = directory.visible(form.targetMemberId())
                .orElseThrow(() -> Problems.notFound("directory entry", form.targetMemberId()));
        if (target.userId == null) {
            throw Problems.unprocessable("connection.target-without-account");
        }
        // Serialise one requester's requests so two at once cannot both pass the cap.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('connection-cap/' || :u))")
                .setParameter("u", caller.subject()).getSingleResult();
        LocalDate today = clock.today();
        long sentToday = em.createQuery("select count(c) from ConnectionRequest c where c.requesterUserId = :u "
                        + "and c.requestedOn = :d", Long.class)
                .setParameter("u", caller.subject()).setParameter("d", today).getSingleResult();
        ConnectionRules.requireUnderDailyCap(sentToday, dailyCap);
        ConnectionRequest c = new ConnectionRequest();
        c.id = Uuids.v7();
        c.requesterMemberId = me.memberId;
        c.requesterUserId = caller.subject();
        c.targetMemberId = target.memberId;
        c.targetUserId = target.userId;
        c.province = me.province;
        c.purpose = form.purpose();
        c.message = PersianText.canonical(form.message());
        c.status = ConnectionRequest.Status.PENDING;
        c.requestedOn = today;
        c.createdAt = Instant.now();
        em.persist(c);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, c.id, Actor.of(caller), "REQUESTED")
                .withStatus(null, c.status));
        return view(c);
    }

    @Transactional
    public ConnectionView act(UUID id, String ifMatch, String action) {
        ConnectionRequest c = party(id);
        boolean target = caller.subject().equals(c.targetUserId);
        if ("withdraw".equals(action) ? target : !target) {
            // only the person asked accepts or declines; only the requester withdraws
            throw Problems.forbidden("connection.not-your-move", action);
        }
        ETags.requireMatch(ifMatch, c.version);
        ConnectionRequest.Status from = c.status;
        c.status = ConnectionRules.decide(c.status, action);
        c.decidedAt = Instant.now();
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, c.id, Actor.of(caller), action.toUpperCase())
                .withStatus(from, c.status));
        if (c.status == ConnectionRequest.Status.ACCEPTED) {
            outbox.record(NetworkingEvents.CONNECTION_ACCEPTED, c.id.toString(), c.province,
                    new NetworkingEvents.ConnectionAccepted(c.id.toString(), c.province));
        }
        return view(c);
    }

    @Transactional
    public ConnectionView get(UUID id) {
        return view(party(id));
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        party(id);
        return history.of(id);
    }

    /** "My connections": requests I sent or received, optionally by direction and status. */
    @Transactional
    public Page<ConnectionView> mine(String direction, ConnectionRequest.Status status, PageRequest page) {
        String who = switch (direction == null ? "all" : direction) {
            case "sent" -> "c.requesterUserId = :u";
            case "received" -> "c.targetUserId = :u";
            case "all" -> "(c.requesterUserId = :u or c.targetUserId = :u)";
            default -> throw Problems.invalid("direction", "connection.direction");
        };
        UUID after = page.afterId();
        TypedQuery<ConnectionRequest> q = em.createQuery("from ConnectionRequest c where " + who
                + (status == null ? "" : " and c.status = :s") + (after == null ? "" : " and c.id > :after")
                + " order by c.id", ConnectionRequest.class).setParameter("u", caller.subject());
        if (status != null) {
            q.setParameter("s", status);
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return Page.of(q.setMaxResults(page.limit() + 1).getResultList(), page.limit(), this::view,
                c -> Cursor.of(c.id));
    }

    /** A request the caller is a party to; anyone else gets 404 (its existence is private). */
    private ConnectionRequest party(UUID id) {
        ConnectionRequest c = em.find(ConnectionRequest.class, id);
        if (c == null || !caller.subject().equals(c.requesterUserId) && !caller.subject().equals(c.targetUserId)) {
            throw Problems.notFound("connection", id);
        }
        return c;
    }

    private ConnectionView view(ConnectionRequest c) {
        boolean iAsked = caller.subject().equals(c.requesterUserId);
        ConnectionView.Contact contact = null;
        if (ConnectionRules.sharesContact(c.status)) {
            String other = iAsked ? c.targetUserId : c.requesterUserId;
            NetworkingProfile p = directory.profileOf(other).orElse(null);
            contact = p == null ? new ConnectionView.Contact(null, null, null)
                    : new ConnectionView.Contact(p.contactEmail, p.contactPhone, p.contactNote);
        }
        return new ConnectionView(c.id, c.requesterMemberId, name(c.requesterMemberId), c.targetMemberId,
                name(c.targetMemberId), iAsked ? "SENT" : "RECEIVED", c.purpose, c.message, c.status, c.createdAt,
                c.decidedAt, contact, c.version);
    }

    private String name(UUID memberId) {
        DirectoryEntry e = em.find(DirectoryEntry.class, memberId);
        return e == null ? null : e.displayName;
    }
}
