package dev.ssenotify.it.support;

import dev.ssenotify.it.inapp.LastEventIdRecorder;
import dev.ssenotify.it.inapp.LifecycleRecorder;
import dev.ssenotify.it.inapp.TestSupportResource;
import dev.ssenotify.it.servers.Recipes;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments are the packaged WAR itself, plus the in-app test support and the settings of the test
 * class, so the tests exercise exactly what ships.
 */
public final class Deployments {

    /** Users every test deployment knows; role sse-admin is the administrator. */
    public static final String USERS = "alice:alice:user,bob:bob:user,carol:carol:user,dave:dave:user,"
            + "erin:erin:user,frank:frank:user,grace:grace:user,admin:admin:sse-admin|user";

    /**
     * What every test server starts with beyond the shipped defaults: the test endpoint on (it is how tests
     * publish) and the per-caller limits raised, since every test client comes from one address. Tests of
     * those limits set their own values.
     */
    public static final Map<String, String> TEST_DEFAULTS = Map.of(
            "sse.test-endpoint.enabled", "true",
            "sse.uploads.enabled", "true",
            "sse.publish.rate", "100000/PT1S",
            "sse.connect.rate", "100000/PT1M",
            "sse.max-anonymous-per-address", "10000",
            "sse.auth.login-rate.address", "off");

    private static final String CONFIG = "META-INF/microprofile-config.properties";

    private Deployments() {
    }

    /** The WAR with {@link #TEST_DEFAULTS} and these settings; an empty value unsets a key. */
    public static WebArchive war(Map<String, String> settings) {
        File war = new File(System.getProperty("sse.war", "target/sse-notify.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the package phase first (mvn verify does)");
        }
        WebArchive archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        Map<String, String> config = new TreeMap<>(shippedSettings(archive));
        config.put("sse.auth.users", USERS);
        config.putAll(TEST_DEFAULTS);
        config.putAll(settings);
        // An empty value leaves the key to the WAR's own default.
        config.values().removeIf(String::isEmpty);
        StringBuilder properties = new StringBuilder();
        config.forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        return archive
                .addClasses(TestSupportResource.class, LifecycleRecorder.class, LastEventIdRecorder.class)
                .addAsResource(new StringAsset(properties.toString()), CONFIG);
    }

    /** What the WAR's own config file sets (the metrics' buckets, say): the test settings go on top of it. */
    private static Map<String, String> shippedSettings(WebArchive archive) {
        Node shipped = archive.get("/WEB-INF/classes/" + CONFIG);
        if (shipped == null) {
            return Map.of();
        }
        try (InputStream in = shipped.getAsset().openStream()) {
            return Recipes.properties(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
