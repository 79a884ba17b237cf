package dev.ssenotify.notify.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StreamOutputTest {

    /** Records what is sent, as written on the caller's thread; fails or only queues the sends it is told to. */
    private static final class RecordingSink implements SseEventSink {
        final List<OutboundSseEvent> sent = new ArrayList<>();
        int failures;
        int queuedOnly;
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (failures > 0) {
                failures--;
                return CompletableFuture.failedFuture(new java.io.IOException("broken pipe"));
            }
            sent.add(event);
            if (queuedOnly > 0) {
                queuedOnly--;
            } else {
                SinkWrites.wrote();
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private final ByteArrayOutputStream direct = new ByteArrayOutputStream();

    private static Frame frame(String data) {
        WireEvent wire = WireEvent.event("e", null, null, data.getBytes(StandardCharsets.UTF_8));
        return new Frame(Frame.Kind.EVENT, sse -> wire);
    }

    private static void writeAll(StreamOutput output, String... data) throws Exception {
        for (String d : data) {
            output.write(frame(d));
        }
    }

    @Test
    void theFirstFrameStartsTheResponseThroughTheSinkAndLaterOnesGoStraightToTheStream() throws Exception {
        StreamOutput output = new StreamOutput(sink, null, direct);
        Frame first = frame("1");
        output.write(first);
        writeAll(output, "2", "3");
        assertEquals(1, sink.sent.size());
        assertSame(first.outbound(null), sink.sent.get(0));
        assertEquals("event: e\ndata: 2\n\nevent: e\ndata: 3\n\n", direct.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSendTheRuntimeOnlyQueuedKeepsLaterFramesOnTheSink() throws Exception {
        sink.queuedOnly = 2;
        writeAll(new StreamOutput(sink, null, direct), "1", "2", "3", "4");
        assertEquals(3, sink.sent.size(), "a direct write could overtake a frame the sink still holds");
        assertEquals("event: e\ndata: 4\n\n", direct.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheStreamEveryFrameTakesTheSink() throws Exception {
        writeAll(new StreamOutput(sink, null, null), "1", "2");
        assertEquals(2, sink.sent.size());
    }

    @Test
    void aFailedFirstSendDoesNotOpenTheDirectPath() throws Exception {
        sink.failures = 1;
        StreamOutput output = new StreamOutput(sink, null, direct);
        assertThrows(ExecutionException.class, () -> output.write(frame("1")));
        output.write(frame("2"));
        assertEquals(1, sink.sent.size(), "the response was never started, so the retry takes the sink");
        assertEquals(0, direct.size());
    }

    @Test
    void anEventWithoutPreparedBytesTakesTheSink() throws Exception {
        StreamOutput output = new StreamOutput(sink, null, direct);
        output.write(frame("1"));
        OutboundSseEvent plain = new org.glassfish.jersey.media.sse.OutboundEvent.Builder().data("x").build();
        output.write(new Frame(Frame.Kind.CONTROL, sse -> plain));
        assertEquals(List.of(sink.sent.get(0), plain), sink.sent);
        assertArrayEquals(new byte[0], direct.toByteArray());
    }
}
