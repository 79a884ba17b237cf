package dev.ssenotify.web.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void validNestedObjectRoundTrips() {
        String text = "{\"a\":1,\"b\":[true,false,null,\"s\\\"q\",-2.5,{\"c\":{}}],\"d\":{\"e\":[]},\"f\":0.10}";
        JsonValue value = StrictJson.parse(text);
        assertEquals(JsonValue.ValueType.OBJECT, value.getValueType());
        assertEquals(text, value.toString());
        JsonNumber f = value.asJsonObject().getJsonNumber("f");
        assertEquals("0.10", f.bigDecimalValue().toPlainString());
    }

    @Test
    void depthThirtyTwoIsAcceptedAndThirtyThreeRejected() {
        assertEquals(nested(32), StrictJson.parse(nested(32)).toString());
        assertBadRequest(nested(33), "the request body nests deeper than 32 levels");
    }

    @Test
    void objectsAndArraysBothCountTowardsTheDepth() {
        String mixed = "{\"a\":".repeat(16) + "[".repeat(17) + "]".repeat(17) + "}".repeat(16);
        assertBadRequest(mixed, "the request body nests deeper than 32 levels");
    }

    @Test
    void aThousandAndOneDeepBodyIsA400NotAStackOverflow() {
        assertBadRequest(nested(1001), "the request body nests deeper than 32 levels");
    }

    @Test
    void numberOfHundredCharactersIsAcceptedLongerRejected() {
        String hundred = "9".repeat(100);
        JsonObject ok = JsonBodies.parseObject("{\"n\":" + hundred + "}");
        assertEquals(hundred, ok.getJsonNumber("n").bigDecimalValue().toPlainString());
        String tooLong = "a number in the request body is longer than 100 characters";
        assertBadRequest("{\"n\":" + "9".repeat(101) + "}", tooLong);
        assertBadRequest("{\"n\":[" + "1".repeat(20_000) + "]}", tooLong);
        assertBadRequest("{\"n\":-0." + "0".repeat(98) + "1}", tooLong);
    }

    @Test
    void duplicateKeysAreRejectedAtAnyLevel() {
        assertBadRequest("{\"x\":1,\"x\":1}", "the request body has the key 'x' twice");
        assertBadRequest("{\"a\":{\"b\":[{\"y\":1,\"z\":2,\"y\":3}]}}", "the request body has the key 'y' twice");
        // the same key in sibling objects is not a duplicate
        String siblings = "{\"a\":{\"k\":1},\"b\":{\"k\":2}}";
        assertEquals(siblings, StrictJson.parse(siblings).toString());
    }

    @Test
    void aLongDuplicateKeyIsShownShortened() {
        String key = "k".repeat(500);
        ProblemException e = assertBadRequest("{\"" + key + "\":1,\"" + key + "\":2}", "the request body has");
        assertEquals("the request body has the key '" + "k".repeat(40) + "...' twice", e.getMessage());
    }

    @Test
    void contentAfterTheValueIsRejected() {
        String trailing = "the request body has content after its JSON value";
        assertBadRequest("{\"a\":1} x", trailing);
        assertBadRequest("{\"a\":1}{}", trailing);
        assertBadRequest("{\"a\":1},", trailing);
        assertBadRequest("[1] 2", trailing);
    }

    @Test
    void whitespaceAfterTheValueIsAccepted() {
        assertEquals("{\"a\":1}", StrictJson.parse(" \r\n{\"a\":1} \t\r\n ").toString());
    }

    @Test
    void emptyAndBlankBodiesAreRejected() {
        assertBadRequest("", "the request body is empty");
        assertBadRequest("  \n ", "the request body is empty");
        ProblemException e = assertThrows(ProblemException.class, () -> JsonBodies.parseObject(" "));
        assertEquals(400, e.getResponse().getStatus());
        assertEquals("the request body must be a JSON object", e.getMessage());
    }

    @Test
    void jsonBodiesRejectsTopLevelValuesOtherThanObjects() {
        for (String text : new String[] {"[]", "[{\"a\":1}]", "\"s\"", "12", "true", "null"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> JsonBodies.parseObject(text), text);
            assertEquals(400, e.getResponse().getStatus(), text);
            assertEquals("the request body must be a JSON object", e.getMessage(), text);
        }
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ProblemException e = assertBadRequest("{\n  \"a\": tru }", "the request body is not valid JSON");
        assertEquals("the request body is not valid JSON (at line 2, column 11)", e.getMessage());
        assertBadRequest("{\"a\" 1}", "the request body is not valid JSON (at line 1, column ");
        assertBadRequest("{'a':1}", "the request body is not valid JSON (at line 1, column ");
    }

    @Test
    void aBodyThatStopsInsideItsValueIsRejected() {
        // Parsson reports these past the end of the text (line 1, column 35 for 9 characters)
        String ends = "the request body ends inside its JSON value";
        assertEquals(ends, assertBadRequest("{\"a\":[1,2", ends).getMessage());
        assertEquals(ends, assertBadRequest("{\"a\":", ends).getMessage());
        assertEquals(ends, assertBadRequest("\"unterminated", ends).getMessage());
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static ProblemException assertBadRequest(String text, String detailStart) {
        ProblemException e = assertThrows(ProblemException.class, () -> StrictJson.parse(text));
        assertEquals(400, e.getResponse().getStatus());
        assertTrue(e.getMessage().startsWith(detailStart), e.getMessage());
        return e;
    }
}
