package dev.ssenotify.web.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Parses request bodies strictly. Why not {@code JsonReader}: it recurses once per nesting level (a
 * 1,001-deep body ended as a 500 with a 75 KB stack trace), converts number literals of any length,
 * keeps the last of two equal keys and ignores whatever follows the first value. Here the value is built
 * from the streaming parser's events without recursion, each limit is checked before the work it guards,
 * and every problem is a 400 saying what was wrong.
 */
final class StrictJson {

    /** Objects and arrays together; no request of this application needs more than a few. */
    static final int MAX_DEPTH = 32;
    /** Characters of one number literal, checked before it becomes a BigDecimal. */
    static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_KEY_ECHO = 40; // a duplicate key is echoed in the detail, a long one in part
    private static final String ENDS_INSIDE = "the request body ends inside its JSON value";

    private StrictJson() {
    }

    /** The JSON value in the text; ProblemException (400) is the only exception it throws. */
    static JsonValue parse(String text) {
        if (text.isBlank()) {
            throw ProblemException.badRequest("the request body is empty");
        }
        try (JsonParser parser = Jsonp.parser(new StringReader(text))) {
            JsonValue value = readValue(parser);
            if (hasMore(parser)) {
                throw ProblemException.badRequest("the request body has content after its JSON value");
            }
            return value;
        } catch (ProblemException e) {
            throw e;
        } catch (JsonParsingException e) {
            throw invalid(e.getLocation(), text.length());
        } catch (RuntimeException e) { // JsonException, NoSuchElementException...: the body's fault, not a 500
            throw invalid(null, text.length());
        }
    }

    private static JsonValue readValue(JsonParser parser) {
        Deque<Container> open = new ArrayDeque<>();
        while (parser.hasNext()) {
            Event event = parser.next();
            if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
                if (open.size() == MAX_DEPTH) {
                    throw ProblemException.badRequest("the request body nests deeper than " + MAX_DEPTH + " levels");
                }
                open.push(new Container(event == Event.START_OBJECT));
            } else if (event == Event.KEY_NAME) {
                open.element().key(parser.getString());
            } else {
                JsonValue done = switch (event) {
                    case END_OBJECT, END_ARRAY -> open.pop().build();
                    case VALUE_STRING -> Jsonp.string(parser.getString());
                    case VALUE_NUMBER -> number(parser);
                    case VALUE_TRUE -> JsonValue.TRUE;
                    case VALUE_FALSE -> JsonValue.FALSE;
                    case VALUE_NULL -> JsonValue.NULL;
                    default -> throw new IllegalStateException("unexpected " + event);
                };
                if (open.isEmpty()) {
                    return done;
                }
                open.element().add(done);
            }
        }
        throw ProblemException.badRequest(ENDS_INSIDE);
    }

    private static JsonValue number(JsonParser parser) {
        if (parser.getString().length() > MAX_NUMBER_LENGTH) { // the literal as sent, before any BigDecimal
            throw ProblemException.badRequest(
                    "a number in the request body is longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        return Jsonp.number(parser.getBigDecimal());
    }

    /** Parsson reads the next token in hasNext() and reports anything but the end as a parse error. */
    private static boolean hasMore(JsonParser parser) {
        try {
            return parser.hasNext();
        } catch (JsonParsingException e) {
            return true;
        }
    }

    private static ProblemException invalid(JsonLocation at, int length) {
        if (at == null || at.getLineNumber() < 1 || at.getColumnNumber() < 1) {
            return ProblemException.badRequest("the request body is not valid JSON");
        }
        if (at.getStreamOffset() >= length) {
            // Parsson places an unexpected end past the text (line 1, column 35 of 9 characters): say what it is
            return ProblemException.badRequest(ENDS_INSIDE);
        }
        return ProblemException.badRequest("the request body is not valid JSON (at line " + at.getLineNumber()
                + ", column " + at.getColumnNumber() + ")");
    }

    /** An object or array being filled; an object remembers its keys, the builder would keep the last. */
    private static final class Container {
        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private final Set<String> keys = new HashSet<>();
        private String key;

        Container(boolean isObject) {
            this.object = isObject ? Jsonp.object() : null;
            this.array = isObject ? null : Jsonp.array();
        }

        void key(String name) {
            if (!keys.add(name)) {
                String shown = name.codePointCount(0, name.length()) <= MAX_KEY_ECHO ? name
                        : name.substring(0, name.offsetByCodePoints(0, MAX_KEY_ECHO)) + "...";
                throw ProblemException.badRequest("the request body has the key '" + shown + "' twice");
            }
            key = name;
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(key, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
