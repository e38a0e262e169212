package ir.kanoon.workgroup.meeting;

import ir.kanoon.platform.history.HistoryView;
import ir.kanoon.platform.idempotency.Idempotent;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import ir.kanoon.workgroup.cadence.CadenceService;
import ir.kanoon.workgroup.calendar.CalendarService;
import ir.kanoon.workgroup.support.Access;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Meetings of the Board of Trustees, the Association and each working group. Convening and records are the
 * secretariat's acts (R13): secretariat / labour-dg of the province for the Board and the Association, the
 * group's approved secretary for a working group.
 */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "meetings")
public class MeetingResource {

    static final String CALENDAR = "text/calendar";

    @Inject
    MeetingService service;
    @Inject
    CadenceService cadence;
    @Inject
    CalendarService calendar;
    @Inject
    Access access;

    @POST
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Schedule a meeting (R13; Idempotency-Key supported)",
            description = "Board and Association: the province's secretariat or labour-dg. A working group: its approved "
                    + "secretary. A group meeting within 14 days of another needs shortIntervalReason (Art. 9 Note 2). "
                    + "Invitations go to the body's members.")
    public Response schedule(@NotNull @Valid MeetingDtos.Form form) {
        MeetingDtos.View v = service.schedule(form);
        return Response.created(URI.create("/api/v1/meetings/" + v.id())).tag(ETags.tag(v.version())).entity(v).build();
    }

    @GET
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "List meetings (keyset paged)")
    public Page<MeetingDtos.View> list(@QueryParam("province") String province, @QueryParam("body") Body body,
                                       @QueryParam("workingGroupId") UUID workingGroupId,
                                       @QueryParam("status") MeetingStatus status,
                                       @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return service.list(province, body, workingGroupId, status, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/cadence")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Meeting cadence per body (R9): last held, next due, OK / DUE_SOON / OVERDUE",
            description = "Board at least every 2 months (Art. 7 Note), Association monthly, working groups may meet "
                    + "every two weeks (Art. 9 Note 2; never overdue). Tehran calendar days.")
    public CadenceService.View cadence(@QueryParam("province") String province) {
        return cadence.of(province);
    }

    @GET
    @Path("/calendar.ics")
    @Produces(CALENDAR)
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "iCalendar (RFC 5545) feed of a province's meetings, optionally of one body or group",
            description = "Meetings from 180 days ago on, in Asia/Tehran; each event links to the meeting.")
    public Response feed(@QueryParam("province") String province, @QueryParam("body") Body body,
                         @QueryParam("workingGroupId") UUID workingGroupId) {
        String scope = access.readScope(province);
        if (scope == null) {
            throw Problems.invalid("province", "province.unknown");
        }
        Instant from = Instant.now().minus(Duration.ofDays(180));
        StringBuilder q = new StringBuilder("province = :p and startsAt >= :from");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("p", scope).and("from", from);
        if (body != null) {
            q.append(" and body = :body");
            params = params.and("body", body);
        }
        if (workingGroupId != null) {
            q.append(" and workingGroupId = :g");
            params = params.and("g", workingGroupId);
        }
        List<Meeting> meetings = Meeting.<Meeting>find(q + " order by startsAt", params).page(0, 1000).list();
        String name = "Kanoon " + scope + (body == null ? "" : " " + body.name());
        return Response.ok(calendar.render(name, meetings), CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"meetings-" + scope + ".ics\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    public Response get(@PathParam("id") UUID id) {
        MeetingDtos.View v = service.view(service.visible(id));
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }

    @GET
    @Path("/{id}/calendar.ics")
    @Produces(CALENDAR)
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "One meeting as an iCalendar (.ics) file")
    public Response ics(@PathParam("id") UUID id) {
        Meeting m = service.visible(id);
        return Response.ok(calendar.render(m.title, List.of(m)), CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"meeting-" + m.id + ".ics\"").build();
    }

    @POST
    @Path("/{id}/reschedule")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Reschedule (the history keeps the earlier times; If-Match required)")
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @NotNull @Valid MeetingDtos.Reschedule body) {
        return ok(service.reschedule(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Cancel a scheduled meeting (If-Match required)")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid MeetingDtos.Cancel body) {
        return ok(service.cancel(id, ifMatch, body));
    }

    @PUT
    @Path("/{id}/agenda")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Set the agenda: ordered, nestable items with presenter, duration and document links (If-Match)")
    public Response agenda(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Size(max = 100) List<MeetingDtos.@Valid @NotNull AgendaItem> items) {
        return ok(service.agenda(id, ifMatch, items));
    }

    @POST
    @Path("/{id}/held")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Record the meeting as held: attendance, quorum, minutes, resolutions (R13; If-Match)",
            description = "Absent = the body's members neither present nor excused. Quorum: more than the body's "
                    + "fraction (default half) of its members present. Resolutions without quorum are refused (409) "
                    + "and nothing is recorded. Publishes meeting.held.")
    public Response held(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                         @NotNull @Valid MeetingDtos.Held body) {
        return ok(service.held(id, ifMatch, body));
    }

    @POST
    @Path("/{id}/resolutions")
    @Idempotent
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Add a resolution adopted in a meeting held with quorum (Idempotency-Key supported)")
    public Response addResolution(@PathParam("id") UUID id, @NotNull @Valid MeetingDtos.ResolutionForm form) {
        UUID rid = service.addResolution(id, form);
        return Response.created(URI.create("/api/v1/resolutions/" + rid)).build();
    }

    @GET
    @Path("/{id}/roster")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "The body's members today (personIds for attendance and votes)")
    public List<MeetingDtos.RosterEntry> roster(@PathParam("id") UUID id) {
        return service.roster(id);
    }

    @GET
    @Path("/{id}/attendance")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Attendance of a held meeting: present / absent / excused / guest")
    public List<MeetingDtos.AttendanceEntry> attendance(@PathParam("id") UUID id) {
        return service.attendance(id);
    }

    @GET
    @Path("/{id}/invitations")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Invitations and their RSVP")
    public List<MeetingDtos.InvitationView> invitations(@PathParam("id") UUID id) {
        return service.invitations(id);
    }

    @POST
    @Path("/{id}/guests")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.MEMBER, Roles.TRUSTEE, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Invite a government guest for a subject (Art. 4-4)")
    public Response inviteGuest(@PathParam("id") UUID id, @NotNull @Valid MeetingDtos.GuestInvite guest) {
        MeetingDtos.InvitationView v = service.inviteGuest(id, guest);
        return Response.status(201).entity(v).tag(ETags.tag(v.version())).build();
    }

    @POST
    @Path("/{id}/rsvp")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE})
    @Operation(summary = "Answer your invitation: ACCEPTED, DECLINED or TENTATIVE (the last answer counts)")
    public MeetingDtos.InvitationView rsvp(@PathParam("id") UUID id, @NotNull @Valid MeetingDtos.Rsvp answer) {
        return service.rsvp(id, answer);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY, Roles.TRUSTEE, Roles.MEMBER,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Audit history (scheduling, every reschedule, cancellation, record)")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private static Response ok(MeetingDtos.View v) {
        return Response.ok(v).tag(ETags.tag(v.version())).build();
    }
}
