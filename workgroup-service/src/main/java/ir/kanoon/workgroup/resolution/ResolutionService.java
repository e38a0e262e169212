package ir.kanoon.workgroup.resolution;

import ir.kanoon.platform.history.Actor;
import ir.kanoon.platform.history.History;
import ir.kanoon.platform.history.HistoryEntry;
import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.jalali.JalaliDate;
import ir.kanoon.platform.jalali.TehranClock;
import ir.kanoon.platform.outbox.Outbox;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Filter;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.PersianText;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.workgroup.events.WorkgroupEvents;
import ir.kanoon.workgroup.meeting.Body;
import ir.kanoon.workgroup.meeting.BodyRules;
import ir.kanoon.workgroup.meeting.Meeting;
import ir.kanoon.workgroup.meeting.MeetingDtos;
import ir.kanoon.workgroup.support.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Resolutions (مصوبات): adoption with votes or consensus, follow-up status and progress notes. */
@ApplicationScoped
public class ResolutionService {

    static final String AGGREGATE = "RESOLUTION";

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
    BodyRules rules;

    /**
     * Adopts one resolution of a meeting held with quorum (the caller checked it). Votes: each voter must be a
     * present member of the body, at most one vote each; the motion must carry under the body's majority rule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution adopt(Meeting m, Set<UUID> present, String field, MeetingDtos.ResolutionForm f) {
        String prefix = field.isEmpty() ? "" : field + ".";
        List<MeetingDtos.VoteCast> votes = f.votes() == null ? List.of() : f.votes();
        int yes = 0, no = 0, abstain = 0;
        if (f.decision() == DecisionKind.CONSENSUS) {
            if (!votes.isEmpty()) {
                throw Problems.invalid(prefix + "votes", "resolution.consensus-no-votes");
            }
        } else {
            if (votes.isEmpty()) {
                throw Problems.invalid(prefix + "votes", "resolution.votes-required");
            }
            Set<UUID> seen = new HashSet<>();
            Problems.ValidationBuilder v = Problems.validation();
            for (int i = 0; i < votes.size(); i++) {
                UUID voter = votes.get(i).personId();
                if (!present.contains(voter) || !seen.add(voter)) {
                    v.field(prefix + "votes[" + i + "].personId", "vote.not-eligible", voter);
                }
            }
            v.throwIfAny();
            for (MeetingDtos.VoteCast c : votes) {
                switch (c.vote()) {
                    case FOR -> yes++;
                    case AGAINST -> no++;
                    case ABSTAIN -> abstain++;
                }
            }
            if (!rules.majority(m.body).carried(yes, present.size())) {
                throw Problems.unprocessable("resolution.not-carried", yes, present.size(),
                        (int) Math.floor(rules.majority(m.body).fraction() * present.size()));
            }
        }
        Resolution r = new Resolution();
        r.id = Uuids.v7();
        r.meetingId = m.id;
        r.province = m.province;
        r.body = m.body;
        r.workingGroupId = m.workingGroupId;
        r.text = PersianText.canonical(f.text());
        r.decision = f.decision();
        r.votesFor = yes;
        r.votesAgainst = no;
        r.votesAbstain = abstain;
        r.assignee = f.assignee() == null || f.assignee().isBlank() ? null : PersianText.canonical(f.assignee());
        r.dueDate = f.dueDate();
        r.status = ResolutionStatus.OPEN;
        r.createdAt = Instant.now();
        r.persist();
        em.flush();
        for (MeetingDtos.VoteCast c : votes) {
            em.createNativeQuery("INSERT INTO resolution_vote (resolution_id, person_key, vote) VALUES (:r, :p, :v)")
                    .setParameter("r", r.id).setParameter("p", c.personId().toString())
                    .setParameter("v", c.vote().name()).executeUpdate();
        }
        history.record(HistoryEntry.of(AGGREGATE, r.id, Actor.of(access.caller()), "ADOPTED")
                .withStatus(null, ResolutionStatus.OPEN)
                .withReason(r.decision == DecisionKind.CONSENSUS ? "consensus" : yes + "/" + no + "/" + abstain));
        outbox.record(WorkgroupEvents.RESOLUTION_ADOPTED, r.id.toString(), r.province,
                new WorkgroupEvents.ResolutionData(r.id, r.meetingId, r.province, r.body.name(), r.dueDate));
        return r;
    }

    @Transactional
    public ResolutionDtos.View changeStatus(UUID id, String ifMatch, ResolutionDtos.StatusChange c) {
        Resolution r = visible(id);
        access.requireConvener(r.province, r.body, r.workingGroupId);
        ETags.requireMatch(ifMatch, r.version);
        ResolutionStatus from = r.status;
        if (!ResolutionStatus.allowed(from, c.status())) {
            throw Problems.conflict("resolution.transition", from, c.status());
        }
        r.status = c.status();
        em.flush();
        if (c.note() != null && !c.note().isBlank()) {
            addNoteRow(r, c.note());
        }
        history.record(HistoryEntry.of(AGGREGATE, r.id, Actor.of(access.caller()), "STATUS_CHANGED")
                .withStatus(from, r.status).withReason(c.note() == null ? null : PersianText.canonical(c.note())));
        outbox.record(WorkgroupEvents.RESOLUTION_STATUS_CHANGED, r.id.toString(), r.province,
                new WorkgroupEvents.ResolutionStatusData(r.id, r.province, from.name(), r.status.name()));
        return view(r);
    }

    @Transactional
    public ResolutionDtos.Note addNote(UUID id, ResolutionDtos.NoteForm form) {
        Resolution r = visible(id);
        access.requireConvener(r.province, r.body, r.workingGroupId);
        return addNoteRow(r, form.text());
    }

    private ResolutionDtos.Note addNoteRow(Resolution r, String text) {
        UUID id = Uuids.v7();
        Instant at = Instant.now();
        String author = access.caller().displayName();
        String canonical = PersianText.canonical(text);
        em.createNativeQuery("INSERT INTO resolution_note (id, resolution_id, at, author, text) VALUES (:i, :r, :a, :u, :t)")
                .setParameter("i", id).setParameter("r", r.id).setParameter("a", at).setParameter("u", author)
                .setParameter("t", canonical).executeUpdate();
        return new ResolutionDtos.Note(id, at, author, canonical);
    }

    @SuppressWarnings("unchecked")
    public List<ResolutionDtos.Note> notes(UUID id) {
        Resolution r = visible(id);
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, at, author, text FROM resolution_note WHERE resolution_id = :r ORDER BY id")
                .setParameter("r", r.id).getResultList();
        return rows.stream().map(x -> new ResolutionDtos.Note((UUID) x[0], toInstant(x[1]), (String) x[2], (String) x[3])).toList();
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }

    /**
     * Across meetings: province (scoped to the caller), body, assignee (folded search), status (OVERDUE =
     * unfinished past due), overdue=true. Keyset by id.
     */
    public Page<ResolutionDtos.View> list(String province, Body body, String assignee, ResolutionStatus status,
                                         Boolean overdue, UUID meetingId, PageRequest page) {
        String scope = access.readScope(province);
        LocalDate today = clock.today();
        Filter f = Filter.where().eq("province", scope).eq("body", body).eq("meetingId", meetingId)
                .eq("assignee", assignee == null || assignee.isBlank() ? null : PersianText.canonical(assignee));
        boolean wantOverdue = Boolean.TRUE.equals(overdue) || status == ResolutionStatus.OVERDUE;
        if (wantOverdue) {
            f.and("status <> ?", ResolutionStatus.DONE).and("dueDate < ?", today);
        }
        if (status != null && status != ResolutionStatus.OVERDUE) {
            f.eq("status", status);
            if (status != ResolutionStatus.DONE) { // shown OVERDUE instead once past due
                f.and("dueDate is null or dueDate >= ?", today);
            }
        }
        if (Boolean.FALSE.equals(overdue)) {
            f.and("status = ? or dueDate is null or dueDate >= ?", ResolutionStatus.DONE, today);
        }
        f.after(page.afterId());
        List<Resolution> rows = Resolution.<Resolution>find(f.query() + " order by id", f.params())
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page.limit(), this::view, r -> Cursor.of(r.id));
    }

    public List<HistoryView> history(UUID id) {
        return history.of(visible(id).id);
    }

    public Resolution visible(UUID id) {
        Resolution r = Resolution.findById(id);
        if (r == null || !access.mayRead(r.province)) {
            throw Problems.notFound("resolution", id);
        }
        return r;
    }

    public ResolutionDtos.View view(Resolution r) {
        return new ResolutionDtos.View(r.id, r.version, r.meetingId, r.province, r.body, r.workingGroupId, r.text,
                r.decision, r.votesFor, r.votesAgainst, r.votesAbstain, r.assignee, r.dueDate,
                r.dueDate == null ? null : JalaliDate.format(r.dueDate),
                ResolutionStatus.shown(r.status, r.dueDate, clock.today()));
    }
}
