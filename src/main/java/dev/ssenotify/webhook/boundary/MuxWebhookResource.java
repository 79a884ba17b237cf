package dev.ssenotify.webhook.boundary;

import dev.ssenotify.limits.control.SeenKeys;
import dev.ssenotify.telemetry.control.Telemetry;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Problems;
import dev.ssenotify.web.control.WebConfig;
import dev.ssenotify.webhook.control.InvalidSignatureException;
import dev.ssenotify.webhook.control.MuxSettings;
import dev.ssenotify.webhook.control.MuxSignature;
import dev.ssenotify.webhook.entity.MuxWebhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/webhooks/mux}: Mux's webhooks, signature first ({@link MuxSignature}: 401 when missing or
 * wrong), then the body (400 unless a JSON object with a string {@code type} and {@code id}); 404 while no
 * secret is configured. A verified webhook is fired as {@link MuxWebhook} once per id: a delivery Mux sends
 * again is answered 200 with {@code duplicate: true} and notifies nobody. 503 when an observer failed (the
 * event log unreachable): Mux retries, and nothing was remembered, so the retry is acted on.
 */
@Path("webhooks/mux")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MuxWebhookResource {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.webhook");

    @Inject
    MuxSettings settings;
    @Inject
    SeenKeys seen;
    @Inject
    Event<MuxWebhook> webhooks;
    @Inject
    Telemetry telemetry;
    @Inject
    WebConfig web;

    @POST
    public Response receive(@HeaderParam("Mux-Signature") String signatureHeader,
                            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
        MuxSignature signature = settings.signature().orElseThrow(() ->
                ProblemException.notFound("the Mux webhook receiver is off (sse.webhooks.mux.secret is not set)"));
        JsonBodies.requireJson(type);
        byte[] raw = JsonBodies.readBytes(body, web.maxBodyBytes());
        try {
            signature.verify(signatureHeader, raw);
        } catch (InvalidSignatureException e) {
            telemetry.webhook("rejected");
            throw ProblemException.unauthorized(e.getMessage());
        }
        MuxWebhook webhook = parse(raw);
        String key = "mux:" + webhook.id();
        boolean duplicate = seen.seen(key);
        if (duplicate) {
            telemetry.webhook("duplicate");
        } else {
            fire(webhook);
            seen.remember(key, settings.dedupeWindow());
        }
        return Response.ok(Jsonp.object().add("received", true).add("id", webhook.id()).add("type", webhook.type())
                .add("duplicate", duplicate).build()).build();
    }

    private void fire(MuxWebhook webhook) {
        try {
            webhooks.fire(webhook);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mux webhook " + webhook.id() + " (" + webhook.type() + ") failed; Mux will retry", e);
            throw new ProblemException(Problems.response(Response.Status.SERVICE_UNAVAILABLE,
                    "the webhook could not be handled now; deliver it again").header(HttpHeaders.RETRY_AFTER, 30).build());
        }
    }

    private static MuxWebhook parse(byte[] raw) {
        JsonObject body = JsonBodies.parseObject(new String(raw, StandardCharsets.UTF_8));
        if (!(body.get("type") instanceof JsonString type) || !(body.get("id") instanceof JsonString id)
                || id.getString().isBlank() || id.getString().length() > 120) {
            throw ProblemException.badRequest("the webhook needs a string 'type' and a string 'id' (at most 120 characters)");
        }
        JsonObject data = body.get("data") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        return new MuxWebhook(id.getString(), type.getString(), data, body);
    }
}
