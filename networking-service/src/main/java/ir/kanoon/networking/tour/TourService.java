package ir.kanoon.networking.tour;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import ir.kanoon.platform.jalali.TehranTime;
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

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Tours (Art. 3-9). Registration locks the tour row ({@code SELECT … FOR UPDATE}) so that concurrent
 * registrations are decided one after another against the current count: never more CONFIRMED than capacity,
 * the rest WAITLISTED in arrival order ({@code seq}); the table's check {@code tour_capacity_ck} is the backstop.
 */
@ApplicationScoped
public class TourService {

    static final String AGGREGATE = "TOUR";
    static final String REGISTRATION = "TOUR_REGISTRATION";

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

    @Inject
    ObjectMapper json;

    @Transactional
    public TourView create(TourForm form) {
        String province = form.hostProvince().toUpperCase();
        if (!Provinces.exists(province)) {
            throw Problems.invalid("hostProvince", "province.unknown");
        }
        caller.requireWrite(province);
        Instant firstDay = form.startsOn().atStartOfDay(TehranTime.ZONE).toInstant();
        TourRules.validatePlan(form.startsOn(), form.endsOn(), form.registrationOpens(), form.registrationCloses(),
                form.capacity(), firstDay);
        Tour t = new Tour();
        t.id = Uuids.v7();
        t.hostProvince = province;
        t.title = PersianText.canonical(form.title());
        t.description = PersianText.canonical(form.description());
        t.itinerary = write(form.itinerary().stream().map(s -> new TourForm.Stop(s.day(), PersianText.canonical(s.city()),
                PersianText.canonical(s.site()), PersianText.canonical(s.enterprise()))).toList());
        t.startsOn = form.startsOn();
        t.endsOn = form.endsOn();
        t.capacity = form.capacity();
        t.registrationOpens = form.registrationOpens();
        t.registrationCloses = form.registrationCloses();
        t.eligibility = form.eligibility();
        t.status = Tour.Status.DRAFT;
        em.persist(t);
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, t.id, Actor.of(caller), "CREATED").withStatus(null, t.status));
        return view(t);
    }

    @Transactional
    public TourView publish(UUID id, String ifMatch) {
        Tour t = manageable(id);
        ETags.requireMatch(ifMatch, t.version);
        requireStatus(t, Tour.Status.DRAFT, "publish");
        t.status = Tour.Status.PUBLISHED;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, t.id, Actor.of(caller), "PUBLISHED")
                .withStatus(Tour.Status.DRAFT, t.status));
        outbox.record(NetworkingEvents.TOUR_PUBLISHED, t.id.toString(), t.hostProvince,
                new NetworkingEvents.TourPublished(t.id.toString(), t.hostProvince, t.startsOn));
        return view(t);
    }

    @Transactional
    public TourView cancel(UUID id, String ifMatch, String reason) {
        Tour t = manageable(id);
        ETags.requireMatch(ifMatch, t.version);
        if (t.status != Tour.Status.DRAFT && t.status != Tour.Status.PUBLISHED) {
            throw Problems.conflict("tour.transition", "cancel", t.status);
        }
        Tour.Status from = t.status;
        t.status = Tour.Status.CANCELLED;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, t.id, Actor.of(caller), "CANCELLED").withStatus(from, t.status)
                .withReason(PersianText.canonical(reason)));
        return view(t);
    }

    /** Attendance after the tour and completion: the host province's staff, once the tour has begun. */
    @Transactional
    public TourView complete(UUID id, String ifMatch, AttendanceForm form) {
        Tour t = manageable(id);
        ETags.requireMatch(ifMatch, t.version);
        requireStatus(t, Tour.Status.PUBLISHED, "complete");
        TourRules.requireStarted(clock.today(), t.startsOn);
        Set<UUID> attended = new HashSet<>(form.attended());
        List<TourRegistration> confirmed = em.createQuery(
                        "from TourRegistration where tourId = :t and status = :s", TourRegistration.class)
                .setParameter("t", t.id).setParameter("s", TourRegistration.Status.CONFIRMED).getResultList();
        Set<UUID> known = new HashSet<>();
        int participants = 0;
        for (TourRegistration r : confirmed) {
            known.add(r.id);
            r.attended = attended.contains(r.id);
            if (r.attended) {
                participants++;
            }
        }
        if (!known.containsAll(attended)) {
            throw Problems.invalid("attended", "tour.attended-not-confirmed");
        }
        t.status = Tour.Status.COMPLETED;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, t.id, Actor.of(caller), "COMPLETED")
                .withStatus(Tour.Status.PUBLISHED, t.status).withReason(participants + " attended"));
        outbox.record(NetworkingEvents.TOUR_COMPLETED, t.id.toString(), t.hostProvince,
                new NetworkingEvents.TourCompleted(t.id.toString(), t.hostProvince, participants));
        return view(t);
    }

    @Transactional
    public RegistrationView register(UUID tourId) {
        DirectoryEntry me = access.requireActiveMember();
        Tour t = em.find(Tour.class, tourId, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || t.status == Tour.Status.DRAFT && !caller.mayRead(t.hostProvince)) {
            throw Problems.notFound("tour", tourId);
        }
        if (t.status != Tour.Status.PUBLISHED) {
            throw Problems.conflict("tour.transition", "register", t.status);
        }
        TourRules.requireWindow(Instant.now(clock.clock()), t.registrationOpens, t.registrationCloses);
        TourRules.requireEligible(t.eligibility, t.hostProvince, me.province);
        long live = em.createQuery("select count(r) from TourRegistration r where r.tourId = :t and r.memberId = :m "
                        + "and r.status <> :c", Long.class)
                .setParameter("t", t.id).setParameter("m", me.memberId)
                .setParameter("c", TourRegistration.Status.CANCELLED).getSingleResult();
        if (live > 0) {
            throw Problems.conflict("tour.already-registered");
        }
        TourRegistration r = new TourRegistration();
        r.id = Uuids.v7();
        r.tourId = t.id;
        r.memberId = me.memberId;
        r.userId = me.userId;
        r.province = me.province;
        r.displayName = me.displayName;
        r.createdAt = Instant.now();
        r.seq = ((Number) em.createNativeQuery("SELECT nextval('tour_registration_seq')").getSingleResult()).longValue();
        r.status = TourRules.outcome(t.confirmed, t.capacity);
        if (r.status == TourRegistration.Status.CONFIRMED) {
            t.confirmed++;
        }
        em.persist(r);
        em.flush();
        history.record(HistoryEntry.of(REGISTRATION, r.id, Actor.of(caller), "REGISTERED").withStatus(null, r.status));
        if (r.status == TourRegistration.Status.CONFIRMED) {
            confirmed(t, r);
        }
        return view(r);
    }

    /**
     * Cancels a registration (the registrant, or the host province's staff). A freed seat goes to the first on the
     * waitlist, in the same transaction, under the tour's lock.
     */
    @Transactional
    public RegistrationView cancelRegistration(UUID tourId, UUID registrationId, String ifMatch) {
        Tour t = em.find(Tour.class, tourId, LockModeType.PESSIMISTIC_WRITE);
        TourRegistration r = t == null ? null : em.find(TourRegistration.class, registrationId);
        if (r == null || !r.tourId.equals(tourId) || !isOwn(r) && !caller.mayRead(t.hostProvince)) {
            throw Problems.notFound("registration", registrationId);
        }
        if (!isOwn(r)) {
            caller.requireWrite(t.hostProvince);
        }
        ETags.requireMatch(ifMatch, r.version);
        if (r.status == TourRegistration.Status.CANCELLED || t.status != Tour.Status.PUBLISHED) {
            throw Problems.conflict("tour.registration-not-cancellable", r.status);
        }
        TourRegistration.Status from = r.status;
        r.status = TourRegistration.Status.CANCELLED;
        history.record(HistoryEntry.of(REGISTRATION, r.id, Actor.of(caller), "CANCELLED").withStatus(from, r.status));
        if (from == TourRegistration.Status.CONFIRMED) {
            t.confirmed--;
            List<TourRegistration> next = em.createQuery("from TourRegistration where tourId = :t and status = :w "
                            + "order by seq", TourRegistration.class)
                    .setParameter("t", t.id).setParameter("w", TourRegistration.Status.WAITLISTED)
                    .setMaxResults(1).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (!next.isEmpty()) {
                TourRegistration promoted = next.get(0);
                promoted.status = TourRegistration.Status.CONFIRMED;
                t.confirmed++;
                em.flush();
                history.record(HistoryEntry.of(REGISTRATION, promoted.id, Actor.system(), "PROMOTED")
                        .withStatus(TourRegistration.Status.WAITLISTED, promoted.status)
                        .withReason("seat freed by registration " + r.id));
                confirmed(t, promoted);
            }
        }
        em.flush();
        return view(r);
    }

    private void confirmed(Tour t, TourRegistration r) {
        outbox.record(NetworkingEvents.TOUR_REGISTRATION_CONFIRMED, t.id.toString(), t.hostProvince,
                new NetworkingEvents.TourRegistrationConfirmed(t.id.toString(), t.hostProvince, r.id.toString()));
    }

    @Transactional
    public TourView get(UUID id) {
        return view(visible(id));
    }

    @Transactional
    public Page<TourView> list(String province, Tour.Status status, PageRequest page) {
        StringBuilder jpql = new StringBuilder("from Tour t where 1 = 1");
        if (province != null && !province.isBlank()) {
            jpql.append(" and t.hostProvince = :p");
        }
        if (status != null) {
            jpql.append(" and t.status = :s");
        }
        // drafts are the host province's working papers
        boolean national = caller.isNational();
        if (!national) {
            jpql.append(" and (t.status <> :draft").append(caller.province().isPresent() ? " or t.hostProvince = :own)" : ")");
        }
        UUID after = page.afterId();
        if (after != null) {
            jpql.append(" and t.id > :after");
        }
        jpql.append(" order by t.id");
        TypedQuery<Tour> q = em.createQuery(jpql.toString(), Tour.class);
        if (province != null && !province.isBlank()) {
            q.setParameter("p", province.toUpperCase());
        }
        if (status != null) {
            q.setParameter("s", status);
        }
        if (!national) {
            q.setParameter("draft", Tour.Status.DRAFT);
            caller.province().ifPresent(p -> q.setParameter("own", p));
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        List<Tour> rows = q.setMaxResults(page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), this::view, t -> Cursor.of(t.id));
    }

    /**
     * Host staff and ministry see every registration; a member or trustee (of any province: tours are announced
     * to all) sees their own. Staff of another province get 403 as on the tour's history (conventions, Security:
     * cross-province access is 403), not an empty page that reads as "nobody registered".
     */
    @Transactional
    public Page<RegistrationView> registrations(UUID tourId, PageRequest page) {
        Tour t = visible(tourId);
        boolean all = caller.mayRead(t.hostProvince);
        if (!all && !caller.hasAnyRole(Roles.MEMBER, Roles.TRUSTEE)) {
            throw Problems.forbidden("forbidden-province", t.hostProvince);
        }
        Cursor after = page.after(1);
        TypedQuery<TourRegistration> q = em.createQuery("from TourRegistration r where r.tourId = :t"
                + (all ? "" : " and r.userId = :u") + (after == null ? "" : " and r.seq > :after")
                + " order by r.seq", TourRegistration.class).setParameter("t", tourId);
        if (!all) {
            q.setParameter("u", caller.subject());
        }
        if (after != null) {
            q.setParameter("after", after.number(0));
        }
        List<TourRegistration> rows = q.setMaxResults(page.limit() + 1).getResultList();
        return Page.of(rows, page.limit(), this::view, r -> Cursor.of(r.seq));
    }

    @Transactional
    public RegistrationView registration(UUID tourId, UUID registrationId) {
        Tour t = visible(tourId);
        TourRegistration r = em.find(TourRegistration.class, registrationId);
        if (r == null || !r.tourId.equals(t.id) || !isOwn(r) && !caller.mayRead(t.hostProvince)) {
            throw Problems.notFound("registration", registrationId);
        }
        return view(r);
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        Tour t = visible(id);
        if (!caller.mayRead(t.hostProvince)) {
            throw Problems.forbidden("forbidden-province", t.hostProvince);
        }
        return history.of(id);
    }

    private boolean isOwn(TourRegistration r) {
        return caller.subject().equals(r.userId);
    }

    private Tour visible(UUID id) {
        Tour t = em.find(Tour.class, id);
        if (t == null || t.status == Tour.Status.DRAFT && !caller.mayRead(t.hostProvince)) {
            throw Problems.notFound("tour", id);
        }
        return t;
    }

    /** A tour the caller may manage: 404 when they cannot see it, 403 for another province or a read-only role. */
    private Tour manageable(UUID id) {
        Tour t = em.find(Tour.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw Problems.notFound("tour", id);
        }
        caller.requireWrite(t.hostProvince);
        return t;
    }

    private static void requireStatus(Tour t, Tour.Status expected, String action) {
        if (t.status != expected) {
            throw Problems.conflict("tour.transition", action, t.status);
        }
    }

    TourView view(Tour t) {
        return new TourView(t.id, t.hostProvince, t.title, t.description, read(t.itinerary), t.startsOn,
                JalaliDate.format(t.startsOn), t.endsOn, JalaliDate.format(t.endsOn), t.capacity, t.confirmed,
                t.capacity - t.confirmed, t.registrationOpens, t.registrationCloses, t.eligibility, t.status, t.version);
    }

    RegistrationView view(TourRegistration r) {
        Integer position = null;
        if (r.status == TourRegistration.Status.WAITLISTED) {
            position = 1 + em.createQuery("select count(x) from TourRegistration x where x.tourId = :t and x.status = :w "
                            + "and x.seq < :s", Long.class).setParameter("t", r.tourId)
                    .setParameter("w", TourRegistration.Status.WAITLISTED).setParameter("s", r.seq)
                    .getSingleResult().intValue();
        }
        return new RegistrationView(r.id, r.tourId, r.memberId, r.province, r.displayName, r.status, position,
                r.createdAt, r.attended, r.version);
    }

    private String write(List<TourForm.Stop> stops) {
        try {
            return json.writeValueAsString(stops);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<TourForm.Stop> read(String itinerary) {
        try {
            return json.readValue(itinerary, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
