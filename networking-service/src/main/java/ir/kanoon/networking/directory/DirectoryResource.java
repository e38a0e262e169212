package ir.kanoon.networking.directory;

import ir.kanoon.platform.paging.Page;
import ir.kanoon.platform.paging.PageRequest;
import ir.kanoon.platform.security.ETags;
import ir.kanoon.platform.security.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The members' directory (Art. 3-7): who is in the Associations, by province, sector and expertise. */
@Path("/api/v1/directory")
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
@Tag(name = "directory")
public class DirectoryResource {

    @Inject
    DirectoryService service;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "Search the directory of active members (keyset paged)",
            description = "Public profile fields only. q is Persian-folded («كارآفريني» finds «کار آفرینی») over name, "
                    + "expertise and membership number; filters province, sector, category, expertise. Members who "
                    + "hid themselves, and suspended, expired or terminated members, are never listed.")
    public Page<DirectoryView> search(@QueryParam("q") String q, @QueryParam("province") String province,
                                      @QueryParam("sector") String sector, @QueryParam("category") String category,
                                      @QueryParam("expertise") String expertise, @QueryParam("limit") Integer limit,
                                      @QueryParam("cursor") String cursor) {
        return service.search(q, province, sector, category, expertise, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.APPLICANT})
    @Operation(summary = "My networking settings (hidden or not, contact details shared after acceptance)")
    public Response me() {
        return Response.ok(service.me()).tag(ETags.tag(service.etag())).build();
    }

    @PUT
    @Path("/me")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.APPLICANT})
    @Operation(summary = "Replace my networking settings (If-Match: the ETag of GET /directory/me, \"0\" the first time)")
    public Response update(@HeaderParam("If-Match") String ifMatch, @NotNull @Valid ProfileUpdate update) {
        ProfileView view = service.update(ifMatch, update);
        return Response.ok(view).tag(ETags.tag(service.etag())).build();
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed({Roles.MEMBER, Roles.TRUSTEE, Roles.SECRETARIAT, Roles.LABOUR_DG, Roles.PLANNING_DEPUTY,
            Roles.MINISTRY_ADMIN, Roles.MINISTRY_ANALYST, Roles.INTEGRATION})
    @Operation(summary = "One directory card (404 for hidden or inactive members)")
    public DirectoryView get(@PathParam("memberId") UUID memberId) {
        return service.get(memberId);
    }
}
