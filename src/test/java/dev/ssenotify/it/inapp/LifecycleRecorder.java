package dev.ssenotify.it.inapp;

import dev.ssenotify.notify.entity.ClientConnected;
import dev.ssenotify.notify.entity.ClientDisconnected;
import dev.ssenotify.notify.entity.EventAcknowledged;
import dev.ssenotify.notify.entity.HeartbeatSent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Deployed with the tests only: an application bean that observes the lifecycle events, as a user would. */
@ApplicationScoped
public class LifecycleRecorder {

    private final Set<String> connected = ConcurrentHashMap.newKeySet();
    private final Map<String, String> disconnected = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> heartbeats = new ConcurrentHashMap<>();
    private final Map<String, java.util.List<String>> acks = new ConcurrentHashMap<>();

    void onConnect(@ObservesAsync ClientConnected event) {
        connected.add(event.client().clientId());
    }

    void onDisconnect(@ObservesAsync ClientDisconnected event) {
        disconnected.put(event.client().clientId(), event.reason().label());
    }

    void onAcknowledged(@ObservesAsync EventAcknowledged event) {
        if (event.userId() != null) {
            acks.computeIfAbsent(event.userId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(event.lastEventId());
        }
    }

    java.util.List<String> acknowledged(String userId) {
        return acks.getOrDefault(userId, java.util.List.of());
    }

    void onHeartbeat(@ObservesAsync HeartbeatSent event) {
        heartbeats.computeIfAbsent(event.client().clientId(), k -> new AtomicInteger()).incrementAndGet();
    }

    boolean connected(String clientId) {
        return connected.contains(clientId);
    }

    String disconnectReason(String clientId) {
        return disconnected.get(clientId);
    }

    int heartbeats(String clientId) {
        AtomicInteger count = heartbeats.get(clientId);
        return count == null ? 0 : count.get();
    }
}
