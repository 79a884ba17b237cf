package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;
import dev.ssenotify.log.control.EventEncoder;
import dev.ssenotify.log.control.Frame;
import dev.ssenotify.notify.entity.DisconnectReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Makes room for a client that comes back before its new stream meets the limits, so that a client is never
 * refused because of its own dead streams. A departed client is noticed only by a failed write, so:
 * <ul>
 *   <li>a stream that names the same logical client ({@code clientKey}, same owner) replaces it: the old one
 *       is closed as {@code replaced};</li>
 *   <li>a user at {@code sse.max-clients-per-user} first has its streams probed: a write to a peer that has
 *       gone is answered with a reset, and the next write fails and closes it. The request waits for a close
 *       (not a fixed time) at most {@link #PROBE_WAIT_MILLIS}, and only when the user is at its limit.</li>
 * </ul>
 */
@ApplicationScoped
public class Admission {

    static final long PROBE_WAIT_MILLIS = 500;
    // Two writes find a peer that is gone: the first draws its reset, the second fails on it. So the probe
    // is written again after this long if no stream closed meanwhile.
    private static final long PROBE_EVERY_MILLIS = 50;

    @Inject
    ConnectionRegistry registry;
    @Inject
    Delivery delivery;
    @Inject
    EventEncoder encoder;
    @Inject
    SseConfig config;

    void makeRoom(Connection incoming) {
        registry.sameClient(incoming).ifPresent(stale -> registry.close(stale, DisconnectReason.REPLACED));
        String userId = incoming.info().userId();
        if (userId != null && atLimit(userId)) {
            probe(userId);
        }
    }

    private boolean atLimit(String userId) {
        return registry.ofUser(userId).size() >= config.maxClientsPerUser();
    }

    private void probe(String userId) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_WAIT_MILLIS);
        long every = TimeUnit.MILLISECONDS.toNanos(PROBE_EVERY_MILLIS);
        Frame probe = encoder.probe();
        long nextProbe = System.nanoTime();
        do {
            CompletableFuture<Void> phase = registry.closePhase();
            long now = System.nanoTime();
            if (now >= nextProbe) {
                for (Connection connection : registry.ofUser(userId)) {
                    delivery.offer(connection, probe);
                }
                nextProbe = now + every;
            }
            long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(nextProbe, deadline) - now));
            try {
                // Wakes as soon as any stream closes, so a dead one found frees the request at once.
                registry.awaitClose(phase, waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (atLimit(userId) && System.nanoTime() < deadline);
    }
}
