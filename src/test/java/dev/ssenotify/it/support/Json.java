package dev.ssenotify.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/** Small JSON reading helpers for assertions. */
public final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    public static JsonObject object(String text) {
        return PROVIDER.createReader(new StringReader(text)).readObject();
    }

    public static jakarta.json.JsonArray array(String text) {
        return PROVIDER.createReader(new StringReader(text)).readArray();
    }

    public static JsonValue value(String text) {
        return PROVIDER.createReader(new StringReader(text)).readValue();
    }

    /** A string member, or null when it is absent or JSON null. */
    public static String field(String objectText, String name) {
        JsonObject object = object(objectText);
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : value.toString();
    }
}
