package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import dev.ssenotify.it.support.PayaraInstance;
import dev.ssenotify.it.support.SseFrame;
import dev.ssenotify.it.support.SseStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heap finding, replayed on a server of {@code -Xmx512m} (its own Payara Micro): one user logs in 45
 * times and sends each session 100 events of 60 KB, 270 MB in all, which exhausted that heap before the
 * offline queues had a byte budget. Now the queues stay within {@code sse.offline.max-bytes} (64 MiB, the
 * default), the server stays healthy, and the sessions that lost events are told so.
 */
class OfflineBudgetIT {

    private static final int SESSIONS = 45;
    private static final int EVENTS = 100;
    private static final long BUDGET = 64L << 20;
    private static PayaraInstance server;
    private static URL base;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("sse.auth.users", Deployments.USERS);
        settings.putAll(Deployments.TEST_DEFAULTS);
        settings.put("sse.auth.login-rate.account", "off");
        settings.put("sse.cookie.secure", "true");
        server = PayaraInstance.start("offline-budget", settings, Duration.ofMinutes(3));
        base = server.base();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFloodOfSessionQueuesStaysWithinTheBudgetAndTheServerHealthy() throws Exception {
        List<Api> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(login());
        }
        String filler = "x".repeat(60_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Api session : sessions) {
                for (int n = 0; n < EVENTS; n++) {
                    String body = "{\"event\":\"big\",\"target\":\"session\",\"data\":{\"n\":" + n + ",\"f\":\"" + filler + "\"}}";
                    statuses.add(pool.submit(() -> session.send(body).statusCode()));
                }
            }
            for (Future<Integer> status : statuses) {
                assertEquals(202, status.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        Api anonymous = Api.anonymous(base);
        assertEquals(200, anonymous.getRoot("/health/live").statusCode());
        assertEquals(200, anonymous.getRoot("/health/ready").statusCode());
        long queued = gauge("sse_offline_bytes");
        assertTrue(queued <= BUDGET && queued > BUDGET / 2, "offline bytes " + queued + " against a budget of " + BUDGET);

        // The first session's events went first: it is told so when it comes back.
        try (SseStream first = sessions.get(0).stream()) {
            SseFrame gap = first.awaitEvent("sse.gap", Duration.ofSeconds(10));
            assertEquals("offline-overflow", Json.object(gap.data()).getString("reason"));
        }
        // Ending a session deletes its queue: its bytes come back at once.
        Api last = sessions.get(SESSIONS - 1);
        assertEquals(204, last.postJson("api/auth/logout", "{}").statusCode());
        long after = gauge("sse_offline_bytes");
        assertTrue(queued - after > 5_000_000, "the last session's 6 MB queue is gone: " + queued + " -> " + after);
        assertFalse(Files.readString(server.log()).contains("OutOfMemoryError"), "no OutOfMemoryError in the log");
    }

    // A browser's session, kept by hand: the cookie is Secure (sse.cookie.secure=true), which a client on
    // plain HTTP would not send back.
    private static Api login() {
        HttpResponse<String> response = Api.anonymous(base)
                .postJson("api/auth/login", "{\"username\":\"alice\",\"password\":\"alice\"}");
        assertEquals(200, response.statusCode(), response.body());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly")
                && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        return Api.anonymous(base).with("Cookie", cookie.substring(0, cookie.indexOf(';')));
    }

    private static long gauge(String name) {
        String metrics = Api.anonymous(base).getRoot("/metrics?scope=application").body();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " is not exported: " + metrics);
    }
}
