package dev.ssenotify.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The roles read before a late request body: the checked ones and those other features ask about. */
class RolesTest {

    private static HttpServletRequest caller(Principal principal, Set<String> roles) {
        return (HttpServletRequest) Proxy.newProxyInstance(RolesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUserPrincipal" -> principal;
                    case "isUserInRole" -> roles.contains((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theCheckedRolesAndTheAskedOnesTheCallerHolds() {
        HttpServletRequest alice = caller(() -> "alice", Set.of("user", Roles.PUBLISHER, "other"));
        assertEquals(Set.of(Roles.PUBLISHER), Roles.held(alice));
        assertEquals(Set.of(Roles.PUBLISHER, "user"), Roles.held(alice, List.of("user", "ops", Roles.PUBLISHER)));
    }

    @Test
    void anAnonymousCallerHoldsNone() {
        assertEquals(Set.of(), Roles.held(caller(null, Set.of("user")), List.of("user")));
    }
}
