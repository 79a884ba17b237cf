package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.host.Announcements;
import dev.ssenotify.it.host.HostApplication;
import dev.ssenotify.it.host.HostSecurity;
import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.ZipFile;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * sse-notify inside an existing application: the host's own WAR holds {@code target/sse-notify-classes.jar}
 * and the runtime libraries, its own JAX-RS application and its own code that publishes; no demo login,
 * no test endpoint.
 */
@ExtendWith(ArquillianExtension.class)
class LibraryIT {

    private static final File LIBRARY = new File("target/sse-notify-classes.jar");

    @Deployment(testable = false)
    static WebArchive deployment() {
        // The shipped WAR gives the runtime libraries (Lettuce, Bucket4j); its own classes are left out.
        WebArchive host = ShrinkWrap.create(WebArchive.class, "host.war");
        ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sse.war", "target/sse-notify.war")))
                .getContent(path -> path.get().startsWith("/WEB-INF/lib/"))
                .forEach((path, node) -> host.add(node.getAsset(), path));
        return host.addAsLibrary(LIBRARY)
                .addClasses(HostApplication.class, Announcements.class, HostSecurity.class)
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/beans.xml"), "beans.xml");
    }

    @ArquillianResource
    URL base;

    @Test
    void theLibraryHoldsNoDemoPieces() throws Exception {
        try (ZipFile jar = new ZipFile(LIBRARY)) {
            assertNull(jar.getEntry("dev/ssenotify/auth/control/DemoLogin.class"));
            assertNull(jar.getEntry("dev/ssenotify/SseNotifyApplication.class"));
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("dev/ssenotify/web/boundary/ProblemMappers")));
        }
    }

    @Test
    void theHostsCodePublishesAndItsBrowsersReceive() {
        Api anonymous = Api.anonymous(base);
        try (SseStream stream = anonymous.stream()) {
            HttpResponse<String> published = anonymous.post("api/host/announce?text=hello", "application/json", "");
            assertEquals(200, published.statusCode(), published.body());
            SseFrame announcement = stream.awaitEvent("announcement", Duration.ofSeconds(10));
            assertEquals(published.body(), announcement.id());
            assertEquals("hello", Json.object(announcement.data()).getString("text"));
        }
        assertEquals(404, anonymous.postJson("api/auth/login", "{\"username\":\"a\",\"password\":\"a\"}").statusCode(),
                "no demo login");
        assertEquals(404, anonymous.get("api/sse-test").statusCode(), "the test endpoint is off");
        assertEquals(404, anonymous.postJson("api/webhooks/mux", "{}").statusCode(), "no secret, no webhook receiver");
        assertEquals(404, anonymous.postJson("api/uploads", "{}").statusCode(), "the upload demo is not in the library");
    }

    @Test
    void theHostsOwnMechanismNamesTheCaller() {
        try (SseStream stream = Api.basic(base, "host-user", "host-secret").stream()) {
            assertEquals("host-user", Json.object(stream.first("sse.connected").data()).getString("userId"));
        }
        // What bad credentials get is the host mechanism's choice (Soteria's Basic leaves an open resource anonymous).
        try (SseStream anonymous = Api.anonymous(base).stream()) {
            assertTrue(Json.object(anonymous.first("sse.connected").data()).isNull("userId"));
        }
    }
}
