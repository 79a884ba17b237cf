package dev.ssenotify.web.control;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The roles the application asks about, and which of them a caller holds. A request whose body is read
 * without a thread is dispatched again later; Payara 7 cannot check roles on that dispatch's thread (its
 * authorization service has no policy there), so they are read on the request's own thread first.
 */
public final class Roles {

    /** May send events to anyone and read any stream's details. */
    public static final String ADMIN = "sse-admin";

    /** May publish to anyone through {@code POST /api/events}, topics included: a backend service. */
    public static final String PUBLISHER = "sse-publisher";

    private static final List<String> CHECKED = List.of(ADMIN, PUBLISHER);

    private Roles() {
    }

    /** The checked roles this caller holds. */
    public static Set<String> held(HttpServletRequest request) {
        return held(request, List.of());
    }

    /** The checked roles and those in {@code asked} (see {@link AskedRoles}) this caller holds. */
    public static Set<String> held(HttpServletRequest request, Collection<String> asked) {
        return request.getUserPrincipal() == null ? Set.of()
                : Stream.concat(CHECKED.stream(), asked.stream()).distinct().filter(request::isUserInRole)
                        .collect(Collectors.toUnmodifiableSet());
    }
}
