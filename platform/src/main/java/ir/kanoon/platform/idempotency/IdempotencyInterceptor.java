package ir.kanoon.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import ir.kanoon.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Implements {@link Idempotent}. Runs outside (before) {@code @Transactional} and opens or joins the
 * transaction itself, so the key row and the created resource commit together: a failed request leaves
 * no key behind and may be retried. A concurrent duplicate waits on the key's primary-key lock and then
 * replays the first response.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7F)) {
            throw Problems.invalid(HEADER, "idempotency-key.invalid");
        }
        String principal = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String hash = requestHash(ctx);
        return QuarkusTransaction.joiningExisting().call(() -> {
            if (claim(principal, key, hash)) {
                Object result = ctx.proceed();
                remember(principal, key, result);
                return result;
            }
            return replay(principal, key, hash);
        });
    }

    /** Inserts the key; false when it already exists (after waiting for a concurrent first request). */
    private boolean claim(String principal, String key, String hash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO idempotency_key (principal, idem_key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, principal);
            ps.setString(2, key);
            ps.setString(3, hash);
            return ps.executeUpdate() == 1;
        }
    }

    private void remember(String principal, String key, Object result) throws Exception {
        Response response = result instanceof RestResponse<?> rest ? rest.toResponse() : (Response) result;
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : mapper.writeValueAsString(entity);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE idempotency_key SET status = ?, content_type = ?, body = ?, location = ?, etag = ? "
                        + "WHERE principal = ? AND idem_key = ?")) {
            ps.setInt(1, response.getStatus());
            ps.setString(2, response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString());
            ps.setString(3, body);
            ps.setString(4, response.getLocation() == null ? null : response.getLocation().toString());
            ps.setString(5, response.getHeaderString(HttpHeaders.ETAG));
            ps.setString(6, principal);
            ps.setString(7, key);
            ps.executeUpdate();
        }
    }

    private Response replay(String principal, String key, String hash) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, status, content_type, body, location, etag FROM idempotency_key "
                        + "WHERE principal = ? AND idem_key = ?")) {
            ps.setString(1, principal);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getObject(2) == null) {
                    // the first request is still in this very transaction or vanished: treat as a conflict
                    throw Problems.conflict("idempotency-key-reused");
                }
                if (!rs.getString(1).equals(hash)) {
                    throw Problems.unprocessable("idempotency-key-reused");
                }
                Response.ResponseBuilder b = Response.status(rs.getInt(2)).header(REPLAYED_HEADER, "true");
                if (rs.getString(4) != null) {
                    b.entity(rs.getString(4)).type(rs.getString(3));
                }
                if (rs.getString(5) != null) {
                    b.header(HttpHeaders.LOCATION, rs.getString(5));
                }
                if (rs.getString(6) != null) {
                    b.header(HttpHeaders.ETAG, rs.getString(6));
                }
                return b.build();
            }
        }
    }

    /** Method, path and the JSON of the method's arguments: the same request hashes the same. */
    private String requestHash(InvocationContext ctx) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((request.method().name() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Object arg : ctx.getParameters()) {
            String json;
            try {
                json = mapper.writeValueAsString(arg);
            } catch (Exception e) {
                json = String.valueOf(arg == null ? null : arg.getClass().getName());
            }
            digest.update(json.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
