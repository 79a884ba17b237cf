package dev.ssenotify.web.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON request bodies with the checks every state-changing endpoint needs: the media type must be
 * JSON (415), the body is read up to a bound (413 past it) and must be one strictly parsed JSON object (400).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonObject readObject(MediaType type, InputStream body, int maxBytes) {
        requireJson(type);
        return parseObject(read(body, maxBytes));
    }

    /** The body as any JSON value, parsed strictly: for endpoints that take an object or an array. */
    public static JsonValue readValue(MediaType type, InputStream body, int maxBytes) {
        requireJson(type);
        String text = read(body, maxBytes);
        if (text.isBlank()) {
            throw ProblemException.badRequest("the request body is empty");
        }
        return StrictJson.parse(text);
    }

    /**
     * The body text as one JSON object, parsed strictly ({@link StrictJson}): 400 for anything else, for
     * callers that already hold the text.
     */
    public static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("the request body must be a JSON object");
        }
        JsonValue value = StrictJson.parse(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.badRequest("the request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    public static void requireJson(MediaType type) {
        if (type == null || !isJson(type)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "the request body must be sent as application/json");
        }
    }

    private static boolean isJson(MediaType type) {
        String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType()) && ("json".equals(sub) || sub.endsWith("+json"));
    }

    private static String read(InputStream body, int maxBytes) {
        return new String(readBytes(body, maxBytes), StandardCharsets.UTF_8);
    }

    /** The body's bytes exactly as sent (for signatures over them); 413 past {@code maxBytes}. */
    public static byte[] readBytes(InputStream body, int maxBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = body.read(buffer)) != -1) {
                if (out.size() + n > maxBytes) {
                    throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "the request body is larger than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body could not be read");
        }
        return out.toByteArray();
    }

    /** A string member, or null when absent or JSON null; 400 when it has another type. */
    public static String optionalString(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ProblemException.badRequest("'" + name + "' must be a string");
        }
        return ((jakarta.json.JsonString) value).getString();
    }
}
