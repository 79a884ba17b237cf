package dev.ssenotify.notify.boundary;

import dev.ssenotify.cluster.control.Peers;
import dev.ssenotify.notify.entity.SseStats;
import dev.ssenotify.web.control.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.Map;

/**
 * The stats document of {@code GET /api/sse-test} and {@code GET /api/events/stats}: this instance's stats; in
 * cluster mode also every live instance's and their totals.
 */
@ApplicationScoped
class StatsJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    SseService service;
    @Inject
    Peers peers;

    JsonObject current() {
        JsonObject local = toJson(service.getStats());
        return peers.view().map(view -> withCluster(local, view)).orElse(local);
    }

    private static JsonObject withCluster(JsonObject local, Peers.View view) {
        JsonObjectBuilder instances = Jsonp.object();
        long totalClients = 0;
        long authenticated = 0;
        Map<String, String> all = view.instanceStats();
        for (Map.Entry<String, String> entry : all.entrySet()) {
            JsonObject one = Jsonp.reader(new StringReader(entry.getValue())).readObject();
            instances.add(entry.getKey(), one);
            totalClients += one.getInt("totalClients", 0);
            authenticated += one.getInt("authenticatedClients", 0);
        }
        return Jsonp.object(local)
                .add("instanceId", view.instanceId())
                .add("cluster", Jsonp.object()
                        .add("instanceCount", all.size())
                        .add("totalClients", totalClients)
                        .add("authenticatedClients", authenticated)
                        .add("instances", instances))
                .build();
    }

    private static JsonObject toJson(SseStats stats) {
        return Jsonp.reader(new StringReader(JSONB.toJson(stats))).readObject();
    }
}
