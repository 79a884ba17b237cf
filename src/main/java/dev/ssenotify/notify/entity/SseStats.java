package dev.ssenotify.notify.entity;

import java.util.Map;

/**
 * A snapshot of this server's connections and delivery counters, as served by {@code GET /api/sse-test}.
 * Counters count since the application started; {@code eventsSent} counts deliveries (one per connection);
 * {@code topicSubscriptions} is the topic patterns the open streams are subscribed to, summed.
 */
public record SseStats(
        int totalClients,
        int authenticatedClients,
        int anonymousClients,
        int uniqueUsers,
        int uniqueSessions,
        long eventsPublished,
        long eventsSent,
        long eventsDropped,
        long eventsFailed,
        long heartbeatsSent,
        long connectionsOpened,
        long eventsDuplicate,
        long eventsReplayed,
        long gapsSignalled,
        long acks,
        int offlineQueued,
        long offlineDropped,
        int logSize,
        Map<String, Long> rejectedConnections,
        Map<String, Long> disconnects,
        int maxClients,
        int maxClientsPerUser,
        long uptimeSeconds,
        int topicSubscriptions) {
}
