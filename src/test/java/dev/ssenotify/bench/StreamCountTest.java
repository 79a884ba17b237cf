package dev.ssenotify.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StreamCountTest {

    @Test
    void readsTheNamedFieldOnly() throws IOException {
        String json = "{\"anonymousClients\":7,\"totalClients\" : 12,\"cluster\":{\"totalClients\":40}}";
        assertEquals(12, StreamCount.parse(json, StreamCount.fieldPattern("totalClients")));
        assertEquals(7, StreamCount.parse(json, StreamCount.fieldPattern("anonymousClients")));
    }

    @Test
    void aMissingFieldIsAnErrorNotZero() {
        assertThrows(IOException.class,
                () -> StreamCount.parse("{\"clients\":3}", StreamCount.fieldPattern("totalClients")));
    }
}
