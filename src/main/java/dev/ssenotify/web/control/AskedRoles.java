package dev.ssenotify.web.control;

import java.util.Set;

/**
 * Roles a feature asks a caller about beyond the {@link Roles} constants, named by its configuration (the
 * topics' {@code sse.topics.role.<role>}). A bean implementing it has them read with the others on the
 * request's own thread, for a request whose body is read later.
 */
public interface AskedRoles {

    Set<String> asked();
}
