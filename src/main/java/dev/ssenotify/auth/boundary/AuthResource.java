package dev.ssenotify.auth.boundary;

import dev.ssenotify.auth.control.Logins;
import dev.ssenotify.auth.control.UserAccount;
import dev.ssenotify.auth.control.UserDirectory;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Roles;
import dev.ssenotify.web.control.SessionIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.security.Principal;
import java.util.Set;

/**
 * Session login for browsers: {@code POST /api/auth/login} with {@code {"username","password"}} binds the
 * user to a fresh HTTP session; {@code POST /api/auth/logout} ends it; {@code GET /api/auth/me} says who
 * the caller is.
 */
@Path("auth")
// One instance, no request scope: the body arrives on a dispatch of its own (BodyReadFilter), and the request
// is handed to each method.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private static final int MAX_BODY_BYTES = 4096;

    @Inject
    Logins logins;
    @Inject
    UserDirectory directory;

    @POST
    @Path("login")
    public Response login(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body,
                          @Context HttpServletRequest request) {
        if (!directory.enabled()) {
            throw ProblemException.notFound("the demo login is off (sse.auth.users is not set)");
        }
        JsonObject json = JsonBodies.readObject(type, body, MAX_BODY_BYTES);
        String username = JsonBodies.optionalString(json, "username");
        String password = JsonBodies.optionalString(json, "password");
        if (username == null || username.isBlank() || password == null) {
            throw ProblemException.badRequest("'username' and 'password' are required");
        }
        UserAccount account = logins.login(request, username, password)
                .orElseThrow(() -> ProblemException.unauthorized("unknown user or wrong password"));
        return Response.ok(identity(account.name(), account.roles(), SessionIds.current(request)).build()).build();
    }

    @POST
    @Path("logout")
    public Response logout(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, @Context HttpServletRequest request) {
        JsonBodies.requireJson(type);
        logins.logout(request);
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public JsonObject me(@Context HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String name = principal == null ? null : principal.getName();
        // The same roles login answered with: the account's, when the built-in directory knows the caller.
        Set<String> roles = name == null ? Set.of() : logins.rolesOf(name)
                .orElseGet(() -> Roles.held(request));
        return identity(name, roles, SessionIds.current(request)).build();
    }

    private static JsonObjectBuilder identity(String name, Set<String> roles, String sessionId) {
        JsonObjectBuilder out = Jsonp.object();
        if (name == null) {
            out.addNull("userId");
        } else {
            out.add("userId", name);
        }
        out.add("roles", Jsonp.array(roles));
        out.add("admin", roles.contains("sse-admin"));
        if (sessionId == null) {
            out.addNull("sessionId");
        } else {
            out.add("sessionId", sessionId);
        }
        return out;
    }
}
