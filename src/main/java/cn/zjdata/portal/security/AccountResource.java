package cn.zjdata.portal.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Accounts and departments, for administrators in a browser session. */
@Path("/api/staff")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Staff: accounts and departments")
@CsrfChecked
public class AccountResource {

    private final AccountService accounts;
    private final CurrentActor current;

    public AccountResource(AccountService accounts, CurrentActor current) {
        this.accounts = accounts;
        this.current = current;
    }

    public record ReviewSetting(Boolean reviewRequired) {
    }

    @GET
    @Path("accounts")
    public List<AccountService.AccountView> list() {
        return accounts.list(current.requireSession());
    }

    @GET
    @Path("accounts/{username}")
    public AccountService.AccountView show(@PathParam("username") String username) {
        return accounts.show(current.requireSession(), username);
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccountService.AccountChange body) {
        AccountService.AccountView created = accounts.create(current.requireSession(), orEmpty(body));
        return Response.created(URI.create("/api/staff/accounts/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("accounts/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountService.AccountView update(@PathParam("username") String username, AccountService.AccountChange body) {
        return accounts.update(current.requireSession(), username, orEmpty(body));
    }

    @GET
    @Path("departments")
    public List<AccountService.DepartmentView> departments() {
        return accounts.departments(current.require());
    }

    @PUT
    @Path("departments/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountService.DepartmentView setReview(@PathParam("id") String id, ReviewSetting body) {
        if (body == null || body.reviewRequired() == null) {
            throw cn.zjdata.portal.common.ProblemException.invalid("reviewRequired is required",
                    List.of(cn.zjdata.portal.common.FieldError.of("reviewRequired", "is required (true or false)")));
        }
        return accounts.setReviewRequired(current.requireSession(), id, body.reviewRequired());
    }

    private static AccountService.AccountChange orEmpty(AccountService.AccountChange body) {
        return body == null ? new AccountService.AccountChange(null, null, null, null, null, null, null) : body;
    }
}
