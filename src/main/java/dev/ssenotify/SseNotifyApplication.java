package dev.ssenotify;

import dev.ssenotify.notify.boundary.SseService;
import dev.ssenotify.web.control.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** All HTTP endpoints live under {@code /api}. */
@ApplicationPath("api")
@DeclareRoles({SseNotifyApplication.ADMIN_ROLE, Roles.PUBLISHER})
public class SseNotifyApplication extends Application {

    /** The role that may send events to anyone. */
    public static final String ADMIN_ROLE = SseService.ADMIN_ROLE;

    /** No WADL: a public map of every endpoint helps nobody but a prober (Jersey; others ignore the key). */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
