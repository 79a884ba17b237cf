package dev.ssenotify.web.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * The application's one JSON-P provider. {@code Json.createXxx} looks the provider up through the
 * ServiceLoader on every call, which on Payara scans the class path: a profile put a fifth of a publish
 * request's CPU there.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder object(JsonObject copyOf) {
        return PROVIDER.createObjectBuilder(copyOf);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    public static JsonReader reader(Reader in) {
        return PROVIDER.createReader(in);
    }

    public static JsonParser parser(Reader in) {
        return PROVIDER.createParser(in);
    }

    public static JsonString string(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber number(BigDecimal value) {
        return PROVIDER.createValue(value);
    }

    /** Adds the value, or JSON null when there is none. */
    public static JsonObjectBuilder addOrNull(JsonObjectBuilder builder, String name, String value) {
        return value == null ? builder.addNull(name) : builder.add(name, value);
    }
}
