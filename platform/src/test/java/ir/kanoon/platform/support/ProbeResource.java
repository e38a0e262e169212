package ir.kanoon.platform.support;

import io.agroal.api.AgroalDataSource;
import ir.kanoon.platform.idempotency.Idempotent;
import ir.kanoon.platform.ids.Uuids;
import ir.kanoon.platform.paging.Cursor;
import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.persian.NationalId;
import ir.kanoon.platform.problem.Problems;
import ir.kanoon.platform.security.Caller;
import ir.kanoon.platform.security.ETags;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tiny API in the platform's test application that exercises every platform building block. */
@Path("/api/v1/probes")
public class ProbeResource {

    public record NoteRequest(@NotBlank String text, @Size(max = 3) List<@NotBlank String> tags,
                              @Valid Person person) {
    }

    public record Person(@NotBlank String nationalId, @Max(150) Integer age) {
    }

    public record NoteView(UUID id, String text, long version) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @POST
    @Path("/notes")
    @PermitAll
    @Idempotent
    @Transactional
    public Response create(@Valid NoteRequest request) throws SQLException {
        if (request.person() != null && !NationalId.isValid(request.person().nationalId())) {
            throw Problems.invalid("person.nationalId", "national-id.invalid");
        }
        UUID id = Uuids.v7();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO test_note (id, text) VALUES (?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, request.text());
            ps.executeUpdate();
        }
        return Response.created(URI.create("/api/v1/probes/notes/" + id)).tag("0")
                .entity(new NoteView(id, request.text(), 0)).build();
    }

    @GET
    @Path("/notes/count")
    @PermitAll
    public Map<String, Long> count(@QueryParam("text") String text) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM test_note WHERE text = ?")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Map.of("count", rs.getLong(1));
            }
        }
    }

    @PUT
    @Path("/versioned/{version}")
    @PermitAll
    public Response update(@PathParam("version") long version, @HeaderParam("If-Match") String ifMatch) {
        ETags.requireMatch(ifMatch, version);
        return Response.ok().tag(ETags.tag(version + 1)).build();
    }

    /** Writes the same primary key twice: the database refuses the second (unique violation). */
    @POST
    @Path("/notes/duplicate")
    @PermitAll
    @Transactional
    public void duplicate() throws SQLException {
        UUID id = Uuids.v7();
        for (int i = 0; i < 2; i++) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO test_note (id, text) VALUES (?, 'dup')")) {
                ps.setObject(1, id);
                ps.executeUpdate();
            }
        }
    }

    /** A serialization failure wrapped the way a transaction manager would wrap it. */
    @GET
    @Path("/serialization-failure")
    @PermitAll
    public void serializationFailure() {
        throw new IllegalStateException("commit failed",
                new SQLException("could not serialize access due to concurrent update", "40001"));
    }

    /** What Agroal throws when the pool gives no connection in time, wrapped as Hibernate would wrap it. */
    @GET
    @Path("/pool-exhausted")
    @PermitAll
    public void poolExhausted() {
        throw new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"));
    }

    /**
     * Agroal's other message, seen under load (bench/faults): no new connection opened within the acquisition
     * timeout ("Acquisition timeout while waiting for new connection", capital A, cause TimeoutException).
     */
    @GET
    @Path("/pool-new-connection-timeout")
    @PermitAll
    public void poolNewConnectionTimeout() {
        throw new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection",
                        new java.util.concurrent.TimeoutException()));
    }

    /**
     * PostgreSQL shut down during a commit: Narayana's RollbackException carries the driver's error (SQLState
     * 57P01, "terminating connection due to administrator command") as a suppressed exception, not as its cause.
     */
    @GET
    @Path("/commit-during-shutdown")
    @PermitAll
    public void commitDuringShutdown() {
        RuntimeException e = new IllegalStateException("Error invoking subclass method",
                new IllegalStateException("ARJUNA016053: Could not commit transaction."));
        e.getCause().addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        throw e;
    }

    /** The database away: the driver's connection failure (SQLState 08001). */
    @GET
    @Path("/database-down")
    @PermitAll
    public void databaseDown() {
        throw new IllegalStateException("could not open connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));
    }

    public enum Colour { RED, GREEN }

    @GET
    @Path("/filter")
    @PermitAll
    public Map<String, String> filter(@QueryParam("colour") Colour colour, @QueryParam("size") Integer size) {
        return Map.of("colour", String.valueOf(colour), "size", String.valueOf(size));
    }

    @GET
    @Path("/rule")
    @PermitAll
    public void rule() {
        throw Problems.rule("Art. 6", "probe.board-full", 11);
    }

    @GET
    @Path("/missing/{id}")
    @PermitAll
    public void missing(@PathParam("id") String id) {
        throw Problems.notFound("note", id);
    }

    @GET
    @Path("/boom")
    @PermitAll
    public void boom() {
        throw new IllegalStateException("org.postgresql.util.PSQLException: relation secret_table does not exist");
    }

    @GET
    @Path("/numbers")
    @PermitAll
    public Page<Integer> numbers(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Cursor after = page.after(1);
        int from = after == null ? 1 : Integer.parseInt(after.key(0)) + 1;
        List<Integer> fetched = new ArrayList<>();
        for (int i = from; i <= 45 && fetched.size() <= page.limit(); i++) {
            fetched.add(i);
        }
        return Page.of(fetched, page.limit(), i -> i, i -> Cursor.of(i));
    }

    @GET
    @Path("/provinces/{code}/secret")
    @RolesAllowed({"secretariat", "labour-dg", "ministry-admin", "ministry-analyst", "integration"})
    public Map<String, String> provincial(@PathParam("code") String code) {
        caller.requireRead(code);
        return Map.of("province", code, "subject", caller.subject());
    }

    @POST
    @Path("/admin-only")
    @RolesAllowed("ministry-admin")
    public Map<String, String> adminOnly() {
        return Map.of("ok", "yes");
    }
}
