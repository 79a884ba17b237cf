package dev.ssenotify;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All HTTP endpoints live under {@code /api}. */
@ApplicationPath("api")
@DeclareRoles({SseNotifyApplication.ADMIN_ROLE})
public class SseNotifyApplication extends Application {

    /** The role that may send events to anyone. */
    public static final String ADMIN_ROLE = "sse-admin";
}
