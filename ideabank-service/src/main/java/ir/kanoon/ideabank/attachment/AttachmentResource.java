package ir.kanoon.ideabank.attachment;

import ir.kanoon.platform.security.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Attachments of an idea: documents and images, stored outside PostgreSQL, read under the idea's confidentiality. */
@Path("/api/v1/ideas/{id}/attachments")
@DenyAll
@Tag(name = "ideas")
public class AttachmentResource {

    @Inject
    AttachmentService service;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN})
    @Operation(summary = "Upload an attachment (the idea's owner or team): the raw bytes as the body, its Content-Type, ?name=",
            description = "PDF, PNG, JPEG, PPTX or DOCX (checked against the file's leading bytes), at most "
                    + "kanoon.ideabank.attachments.max-bytes (413 beyond) and max-per-idea files.")
    public Response upload(@PathParam("id") UUID id, @QueryParam("name") String name,
                           @HeaderParam("Content-Type") String contentType, InputStream body) {
        AttachmentView view = service.upload(id, name, contentType, body);
        return Response.created(URI.create("/api/v1/ideas/" + id + "/attachments/" + view.id())).entity(view).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Attachments of the idea (callers who may read its full text)")
    public List<AttachmentView> list(@PathParam("id") UUID id) {
        return service.list(id);
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.APPLICANT, Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.INTEGRATION, Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST})
    @Operation(summary = "Download an attachment (callers who may read the idea's full text)")
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Download d = service.download(id, attachmentId);
        return Response.ok(d.body(), d.meta().contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(d.meta().fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Length", d.meta().size()).build();
    }
}
