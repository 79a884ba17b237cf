package dev.ssenotify.log.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reserved frames that carry a stream's topics: {@code sse.connected} and {@code sse.subscribed}. */
class EventEncoderTopicsTest {

    private final EventEncoder encoder;

    EventEncoderTopicsTest() {
        TestConfig config = Fixtures.config();
        config.setHeartbeatInterval(Duration.ofSeconds(30));
        config.setReconnectRetry(Duration.ofSeconds(5));
        encoder = new EventEncoder(config);
    }

    private static String text(Frame frame) {
        return new String(frame.wire().wire(), StandardCharsets.UTF_8);
    }

    @Test
    void connectedListsTheTopicsOnlyWhenThereAreSome() {
        ClientInfo client = new ClientInfo("c1", null, null, Instant.now());
        Topics topics = Topics.of(List.of(TopicPattern.parse("orders/42"), TopicPattern.parse("news/*")));
        assertEquals("event: sse.connected\nid: x-1\nretry: 5000\ndata: {\"clientId\":\"c1\",\"userId\":null,"
                + "\"sessionId\":null,\"heartbeatSeconds\":30,\"topics\":[\"orders/42\",\"news/*\"]}\n\n",
                text(encoder.connected(client, topics, "x-1")));
        assertEquals(text(encoder.connected(client, "x-1")), text(encoder.connected(client, Topics.NONE, "x-1")));
        assertEquals(false, text(encoder.connected(client, "x-1")).contains("topics"));
    }

    @Test
    void subscribedCarriesTheTopicsAndNoIdSoTheClientKeepsItsLastOne() {
        Frame frame = encoder.subscribed(Topics.of(List.of(TopicPattern.parse("a/**"))));
        assertEquals("event: sse.subscribed\ndata: {\"topics\":[\"a/**\"]}\n\n", text(frame));
        assertEquals(Frame.Kind.CONTROL, frame.kind());
        assertEquals("event: sse.subscribed\ndata: {\"topics\":[]}\n\n", text(encoder.subscribed(Topics.NONE)));
    }
}
