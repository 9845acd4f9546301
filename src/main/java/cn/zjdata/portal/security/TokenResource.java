package cn.zjdata.portal.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The signed-in member's personal API tokens (managed from a browser session only). */
@Path("/api/staff/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: API tokens")
@CsrfChecked
public class TokenResource {

    private final TokenService tokens;
    private final CurrentActor current;

    public TokenResource(TokenService tokens, CurrentActor current) {
        this.tokens = tokens;
        this.current = current;
    }

    public record NewToken(String name, Set<String> departments, Integer expiresInDays) {
    }

    @GET
    public List<TokenService.TokenView> list() {
        return tokens.list(current.requireSession());
    }

    /** Creates a token; the answer is the only time the secret is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewToken body) {
        NewToken in = body == null ? new NewToken(null, null, null) : body;
        TokenService.CreatedToken created = tokens.create(current.requireSession(), in.name(), in.departments(),
                in.expiresInDays() == null ? null : Duration.ofDays(in.expiresInDays()));
        return Response.status(201).entity(created).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(current.requireSession(), id);
        return Response.noContent().build();
    }
}
