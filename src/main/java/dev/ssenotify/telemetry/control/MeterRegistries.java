package dev.ssenotify.telemetry.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Picks, once, the metrics registry the server offers: MicroProfile Metrics (Payara, Open Liberty), else
 * Micrometer (WildFly), else none (counts kept for the stats endpoint only). A registry class is touched only
 * after its API is found on the class path, so the WAR deploys on a server that has neither.
 */
@ApplicationScoped
public class MeterRegistries {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.telemetry");

    // Looked up through an injected Instance, not the BeanManager: Payara's registry producer reads the
    // annotations of the injection point it serves, and a BeanManager lookup has none.
    @Inject
    Instance<Object> lookup;

    @Produces
    @ApplicationScoped
    Meters meters() {
        if (onClassPath("org.eclipse.microprofile.metrics.MetricRegistry")) {
            Meters microProfile = MicroProfileMeters.from(lookup);
            if (microProfile != null) {
                return microProfile;
            }
        }
        if (onClassPath("io.micrometer.core.instrument.MeterRegistry")) {
            Meters micrometer = MicrometerMeters.from(lookup);
            if (micrometer != null) {
                return micrometer;
            }
        }
        LOG.info("No metrics registry on this server: the sse_* metrics are not exported (the stats endpoint counts)");
        return new LocalMeters();
    }

    private static boolean onClassPath(String type) {
        try {
            Class.forName(type, false, MeterRegistries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
