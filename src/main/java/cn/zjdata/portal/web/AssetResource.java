package cn.zjdata.portal.web;

import cn.zjdata.portal.common.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Serves the fingerprinted static assets, cacheable for a year (their URL changes when they do). */
@Path("/assets")
public class AssetResource {

    private final Assets assets;

    public AssetResource(Assets assets) {
        this.assets = assets;
    }

    @GET
    @Path("{name}")
    @Operation(hidden = true)
    public Response asset(@PathParam("name") String name, @jakarta.ws.rs.core.Context Request request) {
        Assets.Asset asset = assets.byFingerprintedName(name).orElseThrow(() -> new ProblemException(404,
                "/problems/not-found", "Not found", "There is no asset " + name, List.of()));
        EntityTag tag = new EntityTag(asset.digest().substring(0, 32));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(asset.bytes(), asset.mediaType());
        return builder.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .build();
    }
}
