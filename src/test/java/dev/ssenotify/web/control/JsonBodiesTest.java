package dev.ssenotify.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    @Test
    void readsAJsonObject() {
        JsonObject json = JsonBodies.readObject(JSON, body("{\"username\":\"ann\",\"n\":7}"), 100);
        assertEquals("ann", JsonBodies.optionalString(json, "username"));
        assertEquals(7, json.getInt("n"));
    }

    @Test
    void acceptsPlusJsonAndCharsetParameters() {
        MediaType problem = MediaType.valueOf("application/problem+json; charset=UTF-8");
        assertEquals("{\"a\":1}", JsonBodies.readObject(problem, body("{\"a\":1}"), 100).toString());
    }

    @Test
    void otherMediaTypesAre415() {
        assertStatus(415, () -> JsonBodies.readObject(MediaType.TEXT_PLAIN_TYPE, body("{}"), 100));
        assertStatus(415, () -> JsonBodies.readObject(null, body("{}"), 100));
        assertStatus(415, () -> JsonBodies.requireJson(MediaType.valueOf("text/json")));
    }

    @Test
    void bodiesOverTheLimitAre413() {
        String text = "{\"a\":\"" + "x".repeat(100) + "\"}";
        assertStatus(413, () -> JsonBodies.readObject(JSON, body(text), text.length() - 1));
        assertEquals(text, JsonBodies.readObject(JSON, body(text), text.length()).toString());
    }

    @Test
    void readObjectIsStrict() {
        ProblemException e = assertStatus(400, () -> JsonBodies.readObject(JSON, body("{\"a\":1}{}"), 100));
        assertEquals("the request body has content after its JSON value", e.getMessage());
        e = assertStatus(400, () -> JsonBodies.readObject(JSON, body("{\"a\":1,\"a\":2}"), 100));
        assertEquals("the request body has the key 'a' twice", e.getMessage());
    }

    @Test
    void blankAndNonObjectBodiesAre400() {
        ProblemException e = assertStatus(400, () -> JsonBodies.readObject(JSON, body(""), 100));
        assertEquals("the request body must be a JSON object", e.getMessage());
        e = assertStatus(400, () -> JsonBodies.readObject(JSON, body("[{}]"), 100));
        assertEquals("the request body must be a JSON object", e.getMessage());
    }

    @Test
    void optionalStringIsNullWhenAbsentOrNullAnd400ForOtherTypes() {
        JsonObject json = JsonBodies.parseObject("{\"s\":\"v\",\"z\":null,\"n\":1}");
        assertEquals("v", JsonBodies.optionalString(json, "s"));
        assertNull(JsonBodies.optionalString(json, "z"));
        assertNull(JsonBodies.optionalString(json, "missing"));
        ProblemException e = assertStatus(400, () -> JsonBodies.optionalString(json, "n"));
        assertEquals("'n' must be a string", e.getMessage());
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException assertStatus(int status, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(status, e.getResponse().getStatus());
        return e;
    }
}
