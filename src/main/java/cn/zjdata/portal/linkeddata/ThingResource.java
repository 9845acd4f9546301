package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.ProblemException;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * The things the portal names, {@code {base}id/…}: a GET answers 303 See Other to the thing's
 * description document at {@code {base}doc/…}, where content negotiation happens.
 */
@Path("/id")
@Tag(name = "Linked data", description = "Dereferenceable URIs, the DCAT catalog, VoID, dumps and the vocabulary")
public class ThingResource {

    private final Describer describer;
    private final Uris uris;

    public ThingResource(Describer describer, Uris uris) {
        this.describer = describer;
        this.uris = uris;
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "A thing's URI", description = "303 See Other to its description at /doc/…")
    public Response thing(@Encoded @PathParam("path") String path, @Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        String suffix = query == null ? "" : "?" + query;
        if ("void".equals(path)) {
            // The VoID dataset is described by the VoID document itself.
            return seeOther(uris.local("/.well-known/void") + suffix);
        }
        String canonical = Uris.canonicalPath(path).filter(p -> describer.exists(uris.idBase() + p))
                .orElseThrow(() -> new ProblemException(404, "/problems/not-found", "Not found",
                        "The portal names nothing " + uris.idBase() + path, List.of()));
        return seeOther(uris.local("/doc/" + canonical) + suffix);
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location))
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "Location")
                .build();
    }
}
