package dev.ssenotify.webhook.control;

import dev.ssenotify.notify.boundary.SseService;
import dev.ssenotify.notify.entity.SendOptions;
import dev.ssenotify.telemetry.control.Telemetry;
import dev.ssenotify.webhook.entity.MuxWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in mapping, as the original design has it: {@code video.asset.ready} becomes {@code video-ready}
 * ({@code {videoId, status, playbackUrl}}, the URL from the asset's first playback id) and
 * {@code video.asset.errored} becomes {@code video-error}, sent to the user the asset's {@code passthrough}
 * names. The webhook's id is the event's id, so even a delivery that slips past the receiver's own check is
 * sent once. Other types, and assets with no user, are acknowledged and counted as {@code ignored}.
 */
@ApplicationScoped
public class VideoNotifications {

    static final String READY = "video.asset.ready";
    static final String ERRORED = "video.asset.errored";

    @Inject
    SseService sse;
    @Inject
    Telemetry telemetry;

    void onWebhook(@Observes MuxWebhook webhook) {
        JsonObject asset = webhook.data();
        String user = text(asset, "passthrough");
        if (!(READY.equals(webhook.type()) || ERRORED.equals(webhook.type())) || user == null || user.isBlank()) {
            telemetry.webhook("ignored");
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("videoId", text(asset, "id"));
        if (READY.equals(webhook.type())) {
            data.put("status", text(asset, "status") != null ? text(asset, "status") : "ready");
            data.put("playbackUrl", playbackUrl(asset));
        } else {
            data.put("status", "errored");
            data.put("error", errorMessage(asset));
        }
        String event = READY.equals(webhook.type()) ? "video-ready" : "video-error";
        // Joined: if the event cannot be stored, the receiver answers 503 and Mux delivers the webhook again.
        sse.notifyUser(user, event, data, SendOptions.id("mux-" + webhook.id())).toCompletableFuture().join();
        telemetry.webhook("notified");
    }

    private static String playbackUrl(JsonObject asset) {
        JsonValue ids = asset.get("playback_ids");
        if (ids instanceof JsonArray list && !list.isEmpty() && list.get(0) instanceof JsonObject first) {
            String id = text(first, "id");
            return id == null ? null : "https://stream.mux.com/" + id + ".m3u8";
        }
        return null;
    }

    private static String errorMessage(JsonObject asset) {
        if (asset.get("errors") instanceof JsonObject errors && errors.get("messages") instanceof JsonArray messages) {
            return messages.stream().filter(JsonString.class::isInstance).map(m -> ((JsonString) m).getString())
                    .collect(Collectors.joining("; "));
        }
        return null;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
