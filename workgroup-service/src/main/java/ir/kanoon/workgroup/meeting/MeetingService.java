package ir.kanoon.workgroup.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import ir.kanoon.platform.paging.Filter;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.province.Provinces;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.workgroup.events.WorkgroupEvents;
import ir.kanoon.workgroup.group.GroupStatus;
import ir.kanoon.workgroup.group.WorkingGroup;
import ir.kanoon.workgroup.resolution.ResolutionService;
import ir.kanoon.workgroup.support.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Meetings of every body: scheduling and rescheduling (with history), cancellation, agenda, invitations and
 * RSVP, and recording a meeting as held — attendance, quorum, minutes and the resolutions adopted (R9, R13).
 */
@ApplicationScoped
public class MeetingService {

    static final String AGGREGATE = "MEETING";

    @Inject
    Access access;
    @Inject
    History history;
    @Inject
    Outbox outbox;
    @Inject
    TehranClock clock;
    @Inject
    EntityManager em;
    @Inject
    Roster roster;
    @Inject
    BodyRules rules;
    @Inject
    ResolutionService resolutions;
    @Inject
    ObjectMapper json;

    @Transactional
    public MeetingDtos.View schedule(MeetingDtos.Form f) {
        String province;
        WorkingGroup group = null;
        if (f.body() == Body.WORKING_GROUP) {
            if (f.workingGroupId() == null) {
                throw Problems.invalid("workingGroupId", "working-group.required");
            }
            group = WorkingGroup.findById(f.workingGroupId(), LockModeType.PESSIMISTIC_WRITE);
            if (group == null || !access.mayRead(group.province)) {
                throw Problems.notFound("working-group", f.workingGroupId());
            }
            if (f.province() != null && !f.province().equalsIgnoreCase(group.province)) {
                throw Problems.invalid("province", "province.unknown");
            }
            if (group.status != GroupStatus.ACTIVE) {
                throw Problems.conflict("working-group.not-active", group.id);
            }
            province = group.province;
        } else {
            if (f.workingGroupId() != null) {
                throw Problems.invalid("workingGroupId", "working-group.required");
            }
            if (f.province() == null || !Provinces.exists(f.province().strip().toUpperCase())) {
                throw Problems.invalid("province", "province.unknown");
            }
            province = f.province().strip().toUpperCase();
        }
        access.requireConvener(province, f.body(), f.workingGroupId());
        validateTimes(f.startsAt(), f.endsAt());
        validatePlace(f.mode(), f.place(), f.onlineUrl());
        String shortReason = blankToNull(f.shortIntervalReason());
        if (group != null) {
            requireIntervalOrReason(group.id, null, f.startsAt(), shortReason);
        }
        Meeting m = new Meeting();
        m.id = Uuids.v7();
        m.province = province;
        m.body = f.body();
        m.workingGroupId = f.workingGroupId();
        m.title = PersianText.canonical(f.title());
        m.mode = f.mode();
        m.place = f.place() == null ? null : PersianText.canonical(f.place());
        m.onlineUrl = blankToNull(f.onlineUrl());
        m.startsAt = f.startsAt();
        m.endsAt = f.endsAt();
        m.status = MeetingStatus.SCHEDULED;
        m.shortIntervalReason = shortReason == null ? null : PersianText.canonical(shortReason);
        m.createdAt = Instant.now();
        m.persist();
        // Invitations go to the body's members (as the projection knows them today).
        for (Roster.Person p : roster.of(province, m.body, m.workingGroupId)) {
            Invitation inv = new Invitation();
            inv.id = Uuids.v7();
            inv.meetingId = m.id;
            inv.personId = p.personId();
            inv.userId = p.userId();
            inv.displayName = p.displayName();
            inv.kind = Invitation.Kind.MEMBER;
            inv.rsvp = Invitation.Rsvp.PENDING;
            inv.persist();
        }
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, m.id, Actor.of(access.caller()), "SCHEDULED")
                .withStatus(null, MeetingStatus.SCHEDULED).withReason(times(m) + (m.shortIntervalReason == null
                        ? "" : " — " + m.shortIntervalReason)));
        outbox.record(WorkgroupEvents.MEETING_SCHEDULED, m.id.toString(), province, meetingData(m));
        return view(m);
    }

    @Transactional
    public MeetingDtos.View reschedule(UUID id, String ifMatch, MeetingDtos.Reschedule r) {
        Meeting m = convened(id, ifMatch);
        requireScheduled(m, "reschedule");
        validateTimes(r.startsAt(), r.endsAt());
        String shortReason = blankToNull(r.shortIntervalReason());
        if (m.workingGroupId != null) {
            requireIntervalOrReason(m.workingGroupId, m.id, r.startsAt(), shortReason);
        }
        String before = times(m);
        m.startsAt = r.startsAt();
        m.endsAt = r.endsAt();
        if (shortReason != null) {
            m.shortIntervalReason = PersianText.canonical(shortReason);
        }
        em.flush();
        // The history keeps every earlier time (reschedule keeps history).
        history.record(HistoryEntry.of(AGGREGATE, m.id, Actor.of(access.caller()), "RESCHEDULED")
                .withReason(before + " → " + times(m) + " — " + PersianText.canonical(r.reason())));
        outbox.record(WorkgroupEvents.MEETING_RESCHEDULED, m.id.toString(), m.province, meetingData(m));
        return view(m);
    }

    @Transactional
    public MeetingDtos.View cancel(UUID id, String ifMatch, MeetingDtos.Cancel c) {
        Meeting m = convened(id, ifMatch);
        requireScheduled(m, "cancel");
        m.status = MeetingStatus.CANCELLED;
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, m.id, Actor.of(access.caller()), "CANCELLED")
                .withStatus(MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED).withReason(PersianText.canonical(c.reason())));
        outbox.record(WorkgroupEvents.MEETING_CANCELLED, m.id.toString(), m.province, meetingData(m));
        return view(m);
    }

    @Transactional
    public MeetingDtos.View agenda(UUID id, String ifMatch, List<MeetingDtos.AgendaItem> items) {
        Meeting m = convened(id, ifMatch);
        requireScheduled(m, "change the agenda of");
        try {
            m.agenda = json.writeValueAsString(canonical(items));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, m.id, Actor.of(access.caller()), "AGENDA_SET")
                .withReason(items.size() + " items"));
        return view(m);
    }

    /**
     * Records the meeting as held: attendance (absent = members neither present nor excused), quorum, minutes
     * and the resolutions adopted — all or nothing; a resolution without quorum refuses the whole record.
     */
    @Transactional
    public MeetingDtos.View held(UUID id, String ifMatch, MeetingDtos.Held h) {
        Meeting m = convened(id, ifMatch);
        requireScheduled(m, "be recorded as held");
        if (clock.clock().instant().isBefore(m.startsAt)) {
            throw Problems.conflict("meeting.not-yet");
        }
        List<Roster.Person> members = roster.of(m.province, m.body, m.workingGroupId);
        Set<UUID> rosterIds = new HashSet<>();
        members.forEach(p -> rosterIds.add(p.personId()));
        Set<UUID> present = new HashSet<>(h.present());
        Set<UUID> excused = new HashSet<>(h.excused() == null ? List.of() : h.excused());
        Problems.ValidationBuilder v = Problems.validation();
        int i = 0;
        for (UUID p : h.present()) {
            if (!rosterIds.contains(p)) {
                v.field("present[" + i + "]", "attendance.unknown", p);
            }
            i++;
        }
        i = 0;
        for (UUID p : excused) {
            if (!rosterIds.contains(p) || present.contains(p)) {
                v.field("excused[" + i + "]", "attendance.unknown", p);
            }
            i++;
        }
        v.throwIfAny();
        Quorum quorum = rules.quorum(m.body);
        int guests = h.guests() == null ? 0 : h.guests().size();
        int absent = (int) members.stream().filter(p -> !present.contains(p.personId()) && !excused.contains(p.personId())).count();
        boolean quorumMet = quorum.met(present.size(), members.size());
        List<MeetingDtos.ResolutionForm> adopted = h.resolutions() == null ? List.of() : h.resolutions();
        if (!adopted.isEmpty() && !quorumMet) {
            throw Problems.conflict("meeting.no-quorum", present.size(), members.size(), quorum.required(members.size()) - 1);
        }
        m.status = MeetingStatus.HELD;
        m.heldOn = LocalDate.ofInstant(m.startsAt, TehranTime.ZONE);
        m.minutes = h.minutes() == null ? null : PersianText.canonical(h.minutes());
        m.membersCount = members.size();
        m.presentCount = present.size();
        m.absentCount = absent;
        m.excusedCount = excused.size();
        m.guestCount = guests;
        m.quorumMet = quorumMet;
        for (Roster.Person p : members) {
            AttendanceStatus s = present.contains(p.personId()) ? AttendanceStatus.PRESENT
                    : excused.contains(p.personId()) ? AttendanceStatus.EXCUSED : AttendanceStatus.ABSENT;
            insertAttendance(m.id, p.personId().toString(), p.displayName(), s, null);
        }
        if (h.guests() != null) {
            int g = 0;
            for (MeetingDtos.Guest guest : h.guests()) {
                insertAttendance(m.id, "guest-" + (++g), PersianText.canonical(guest.name()), AttendanceStatus.GUEST,
                        guest.organisation() == null ? null : PersianText.canonical(guest.organisation()));
            }
        }
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, m.id, Actor.of(access.caller()), "HELD")
                .withStatus(MeetingStatus.SCHEDULED, MeetingStatus.HELD)
                .withReason("present " + present.size() + "/" + members.size() + (quorumMet ? ", quorum" : ", no quorum")));
        String groupType = m.workingGroupId == null ? null
                : WorkingGroup.<WorkingGroup>findByIdOptional(m.workingGroupId).map(g -> g.type.name()).orElse(null);
        outbox.record(WorkgroupEvents.MEETING_HELD, m.id.toString(), m.province,
                new WorkgroupEvents.MeetingHeldData(m.id, m.province, m.body.name(), m.workingGroupId, groupType,
                        m.heldOn, present.size(), absent, excused.size(), guests, quorumMet, adopted.size()));
        int r = 0;
        for (MeetingDtos.ResolutionForm form : adopted) {
            resolutions.adopt(m, present, "resolutions[" + (r++) + "]", form);
        }
        return view(m);
    }

    /** A resolution adopted after the record (the meeting must be HELD with quorum). */
    @Transactional
    public UUID addResolution(UUID meetingId, MeetingDtos.ResolutionForm form) {
        Meeting m = visible(meetingId);
        access.requireConvener(m.province, m.body, m.workingGroupId);
        if (m.status != MeetingStatus.HELD) {
            throw Problems.conflict("meeting.transition", "adopt resolutions", m.status);
        }
        if (!Boolean.TRUE.equals(m.quorumMet)) {
            throw Problems.conflict("meeting.no-quorum", m.presentCount, m.membersCount,
                    rules.quorum(m.body).required(m.membersCount) - 1);
        }
        @SuppressWarnings("unchecked")
        List<String> keys = em.createNativeQuery(
                "SELECT person_key FROM attendance WHERE meeting_id = :m AND status = 'PRESENT'")
                .setParameter("m", m.id).getResultList();
        Set<UUID> present = new HashSet<>();
        keys.forEach(k -> present.add(UUID.fromString(k)));
        return resolutions.adopt(m, present, "", form).id;
    }

    @Transactional
    public MeetingDtos.InvitationView inviteGuest(UUID id, MeetingDtos.GuestInvite g) {
        Meeting m = visible(id);
        access.requireConvener(m.province, m.body, m.workingGroupId);
        requireScheduled(m, "invite to");
        Invitation inv = new Invitation();
        inv.id = Uuids.v7();
        inv.meetingId = m.id;
        inv.displayName = PersianText.canonical(g.name());
        inv.organisation = PersianText.canonical(g.organisation());
        inv.subject = PersianText.canonical(g.subject());
        inv.kind = Invitation.Kind.GUEST;
        inv.rsvp = Invitation.Rsvp.PENDING;
        inv.persist();
        em.flush();
        history.record(HistoryEntry.of(AGGREGATE, m.id, Actor.of(access.caller()), "GUEST_INVITED")
                .withReason(inv.organisation + ": " + inv.subject));
        return invitationView(inv);
    }

    /** The invited person answers (accept / decline / tentative); only their own invitation. */
    @Transactional
    public MeetingDtos.InvitationView rsvp(UUID id, MeetingDtos.Rsvp answer) {
        Meeting m = visible(id);
        requireScheduled(m, "answer");
        Invitation inv = Invitation.<Invitation>find("meetingId = ?1 and userId = ?2", m.id, access.caller().subject())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (inv == null) {
            throw Problems.forbidden("rsvp.not-yours");
        }
        inv.rsvp = answer.answer();
        em.flush();
        return invitationView(inv);
    }

    public List<MeetingDtos.InvitationView> invitations(UUID id) {
        Meeting m = visible(id);
        return Invitation.<Invitation>list("meetingId = ?1 order by id", m.id).stream()
                .map(MeetingService::invitationView).toList();
    }

    @SuppressWarnings("unchecked")
    public List<MeetingDtos.AttendanceEntry> attendance(UUID id) {
        Meeting m = visible(id);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT person_key, display_name, status, organisation FROM attendance
                WHERE meeting_id = :m ORDER BY status, person_key""").setParameter("m", m.id).getResultList();
        return rows.stream().map(r -> new MeetingDtos.AttendanceEntry((String) r[0], (String) r[1],
                AttendanceStatus.valueOf((String) r[2]), (String) r[3])).toList();
    }

    public List<MeetingDtos.RosterEntry> roster(UUID id) {
        Meeting m = visible(id);
        return roster.of(m.province, m.body, m.workingGroupId).stream()
                .map(p -> new MeetingDtos.RosterEntry(p.personId(), p.displayName())).toList();
    }

    public Page<MeetingDtos.View> list(String province, Body body, UUID workingGroupId, MeetingStatus status,
                                       PageRequest page) {
        String scope = access.readScope(province);
        Filter f = Filter.where().eq("province", scope).eq("body", body).eq("workingGroupId", workingGroupId)
                .eq("status", status).after(page.afterId());
        List<Meeting> rows = Meeting.<Meeting>find(f.query() + " order by id", f.params()).page(0, page.limit() + 1).list();
        return Page.of(rows, page.limit(), this::view, mt -> Cursor.of(mt.id));
    }

    public List<HistoryView> history(UUID id) {
        return history.of(visible(id).id);
    }

    public Meeting visible(UUID id) {
        Meeting m = Meeting.findById(id);
        if (m == null || !access.mayRead(m.province)) {
            throw Problems.notFound("meeting", id);
        }
        return m;
    }

    private Meeting convened(UUID id, String ifMatch) {
        Meeting m = visible(id);
        access.requireConvener(m.province, m.body, m.workingGroupId);
        ETags.requireMatch(ifMatch, m.version);
        return m;
    }

    private void requireIntervalOrReason(UUID groupId, UUID self, Instant startsAt, String reason) {
        List<Instant> others = Meeting.<Meeting>list("workingGroupId = ?1 and status <> ?2", groupId,
                        MeetingStatus.CANCELLED).stream()
                .filter(o -> !o.id.equals(self)).map(o -> o.startsAt).toList();
        Optional<Instant> close = MeetingInterval.tooClose(startsAt, others);
        if (close.isPresent() && reason == null) {
            throw Problems.rule("Art. 9 Note 2", "meeting.short-interval", tehran(close.get()));
        }
    }

    private static void requireScheduled(Meeting m, String action) {
        if (m.status != MeetingStatus.SCHEDULED) {
            throw Problems.conflict("meeting.transition", action, m.status);
        }
    }

    private static void validateTimes(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw Problems.invalid("endsAt", "times.invalid");
        }
    }

    private static void validatePlace(MeetingMode mode, String place, String url) {
        Problems.ValidationBuilder v = Problems.validation();
        if (mode.needsPlace() && blankToNull(place) == null) {
            v.field("place", "place.required");
        }
        if (mode.needsUrl() && blankToNull(url) == null) {
            v.field("onlineUrl", "url.required");
        }
        v.throwIfAny();
    }

    private void insertAttendance(UUID meeting, String key, String name, AttendanceStatus s, String org) {
        em.createNativeQuery("INSERT INTO attendance (meeting_id, person_key, display_name, status, organisation) "
                        + "VALUES (:m, :k, :n, :s, :o)")
                .setParameter("m", meeting).setParameter("k", key).setParameter("n", name)
                .setParameter("s", s.name()).setParameter("o", org).executeUpdate();
    }

    private static List<MeetingDtos.AgendaItem> canonical(List<MeetingDtos.AgendaItem> items) {
        if (items == null) {
            return List.of();
        }
        return items.stream().map(it -> new MeetingDtos.AgendaItem(PersianText.canonical(it.title()),
                it.presenter() == null ? null : PersianText.canonical(it.presenter()), it.durationMinutes(),
                it.documents() == null ? List.of() : it.documents().stream().map(String::strip).toList(),
                canonical(it.items()))).toList();
    }

    static String tehran(Instant t) {
        return ZonedDateTime.ofInstant(t, TehranTime.ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String times(Meeting m) {
        return tehran(m.startsAt) + "/" + tehran(m.endsAt);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static WorkgroupEvents.MeetingData meetingData(Meeting m) {
        return new WorkgroupEvents.MeetingData(m.id, m.province, m.body.name(), m.workingGroupId, m.startsAt, m.endsAt);
    }

    public MeetingDtos.View view(Meeting m) {
        List<MeetingDtos.AgendaItem> agenda = List.of();
        if (m.agenda != null) {
            try {
                agenda = json.readValue(m.agenda, new TypeReference<List<MeetingDtos.AgendaItem>>() {
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored agenda of " + m.id + " unreadable", e);
            }
        }
        MeetingDtos.Attendance att = m.status != MeetingStatus.HELD ? null
                : new MeetingDtos.Attendance(m.membersCount, m.presentCount, m.absentCount, m.excusedCount,
                m.guestCount, rules.quorum(m.body).required(m.membersCount), m.quorumMet);
        LocalDate startDay = LocalDate.ofInstant(m.startsAt, TehranTime.ZONE);
        return new MeetingDtos.View(m.id, m.version, m.province, m.body, m.workingGroupId, m.title, m.mode, m.place,
                m.onlineUrl, m.startsAt, m.endsAt, tehran(m.startsAt), JalaliDate.format(startDay), m.status,
                m.shortIntervalReason, agenda, m.heldOn, m.heldOn == null ? null : JalaliDate.format(m.heldOn),
                m.minutes, att);
    }

    static MeetingDtos.InvitationView invitationView(Invitation i) {
        return new MeetingDtos.InvitationView(i.id, i.version, i.personId, i.displayName, i.kind, i.organisation,
                i.subject, i.rsvp);
    }
}
