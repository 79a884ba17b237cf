package dev.ssenotify.it.host;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An existing application's own JAX-RS application, under the path sse-notify's filters expect. */
@ApplicationPath("api")
public class HostApplication extends Application {
}
