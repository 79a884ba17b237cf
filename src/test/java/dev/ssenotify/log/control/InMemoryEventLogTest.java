package dev.ssenotify.log.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ssenotify.config.TestConfig;
import dev.ssenotify.notify.entity.SseTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryEventLogTest {

    private InMemoryEventLog log;
    private final List<Long> fannedOut = new ArrayList<>();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        log = newLog(5);
        log.subscribe(event -> {
            fannedOut.add(event.sequence());
            return 1;
        });
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    private static InMemoryEventLog newLog(int maxEvents) {
        TestConfig config = new TestConfig();
        config.setReplayMaxEvents(maxEvents);
        config.setReplayRetention(Duration.ofMinutes(5));
        return new InMemoryEventLog(config, new EventEncoder(config));
    }

    private EventLog.Appended append(String key) {
        return log.append(SseTarget.user("alice"), key, "e", "1", null, null).toCompletableFuture().join();
    }

    @Test
    void idsAreOrderedAndParseBackToTheirSequence() {
        String first = append(null).event().id();
        String second = append(null).event().id();
        EventIds.Known a = assertInstanceOf(EventIds.Known.class, log.parse(first));
        EventIds.Known b = assertInstanceOf(EventIds.Known.class, log.parse(second));
        assertTrue(a.sequence() < b.sequence());
        assertTrue(first.length() <= 40 && first.chars().allMatch(c -> c < 128));
        assertEquals(List.of(1L, 2L), fannedOut, "subscribers see every event once, in order");
    }

    @Test
    void tellsForeignAndMalformedIdsApart() {
        assertInstanceOf(EventIds.Foreign.class, log.parse("zzzz-1"));
        assertInstanceOf(EventIds.Malformed.class, log.parse("hello"));
        assertInstanceOf(EventIds.Malformed.class, log.parse("abc-1\n"));
        assertInstanceOf(EventIds.Malformed.class, log.parse(null));
        assertInstanceOf(EventIds.Malformed.class, log.parse("a".repeat(200)));
    }

    @Test
    void keepsOnlyTheLastMaxEvents() {
        for (int i = 0; i < 50; i++) {
            append(null);
        }
        assertEquals(5, log.size());
        assertEquals(46, log.oldest().sequence());
        assertNull(log.find(45));
    }

    @Test
    void readsARangeAndSaysWhenItWasCut() {
        for (int i = 0; i < 8; i++) {
            append(null);
        }
        EventLog.Range inside = log.readAfter(5, log.head());
        assertEquals(List.of(6L, 7L, 8L), inside.events().stream().map(LoggedEvent::sequence).toList());
        assertFalse(inside.truncated());
        EventLog.Range cut = log.readAfter(1, log.head());
        assertTrue(cut.truncated(), "events 2 and 3 are gone");
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L), cut.events().stream().map(LoggedEvent::sequence).toList());
        assertTrue(log.readAfter(8, log.head()).events().isEmpty());
        assertEquals(List.of(6L), log.readAfter(5, 6).events().stream().map(LoggedEvent::sequence).toList(), "bounded by head");
    }

    @Test
    void aRepeatedKeyIsADuplicateUntilItLeavesTheWindow() {
        EventLog.Appended first = append("k");
        EventLog.Appended again = append("k");
        assertTrue(again.duplicate());
        assertSame(first.event(), again.event());
        assertEquals(1, log.size(), "nothing new was appended");
        for (int i = 0; i < 5; i++) {
            append(null);
        }
        assertFalse(append("k").duplicate(), "the key left the window with its event");
    }

    @Test
    void aSubscriberStuckInItsFanOutHoldsUpNoReaderAndNoAppender() throws Exception {
        InMemoryEventLog stuckLog = newLog(5);
        CountDownLatch inFanOut = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Queue<Long> seen = new ConcurrentLinkedQueue<>();
        stuckLog.subscribe(event -> {
            if (event.sequence() == 1) {
                inFanOut.countDown();
                awaitQuietly(release);
            }
            seen.add(event.sequence());
            return 1;
        });
        Future<EventLog.Appended> first = threads.submit(() -> stuckLog.append(SseTarget.user("alice"), null, "e", "1",
                null, null).toCompletableFuture().join());
        assertTrue(inFanOut.await(2, TimeUnit.SECONDS), "the fan-out of event 1 started");
        try {
            assertEquals(1, within(() -> stuckLog.readAfter(0, 1)).events().size(), "readAfter is not held up");
            assertEquals(1, within(() -> stuckLog.find(1)).sequence(), "find is not held up");
            assertEquals(1, within(stuckLog::size), "size is not held up");
            assertEquals(1, within(stuckLog::oldest).sequence(), "oldest is not held up");
            assertEquals(1, stuckLog.head(), "the head is at the event whose fan-out has begun");
            CompletableFuture<EventLog.Appended> second = within(() -> stuckLog.append(SseTarget.user("alice"), null,
                    "e", "2", null, null).toCompletableFuture());
            assertFalse(second.isDone(), "event 2 waits for event 1's fan-out, to keep the order");
            assertEquals(List.of(), List.copyOf(seen));
            release.countDown();
            assertEquals(1, first.get(2, TimeUnit.SECONDS).queued());
            assertEquals(1, second.get(2, TimeUnit.SECONDS).queued());
            assertEquals(2, second.get().event().sequence());
            assertEquals(List.of(1L, 2L), List.copyOf(seen), "each subscriber sees each event once, in order");
            assertEquals(2, stuckLog.head());
        } finally {
            release.countDown();
        }
    }

    @Test
    void concurrentAppendsAreFannedOutInSequenceOrderWithTheHeadAtTheEventBeingFannedOut() throws Exception {
        int appenders = 8;
        int perAppender = 2_000;
        InMemoryEventLog shared = newLog(64);
        AtomicLong lastFannedOut = new AtomicLong();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        shared.subscribe(event -> {
            long previous = lastFannedOut.get();
            if (event.sequence() != previous + 1) {
                failures.add("event " + event.sequence() + " fanned out after " + previous);
            }
            if (shared.head() != event.sequence()) {
                failures.add("head " + shared.head() + " while fanning out " + event.sequence());
            }
            lastFannedOut.set(event.sequence());
            return 1;
        });
        AtomicBoolean appending = new AtomicBoolean(true);
        Future<?> watcher = threads.submit(() -> {
            while (appending.get()) {
                long head = shared.head();
                long fannedOut = lastFannedOut.get();
                if (head > fannedOut + 1) {
                    failures.add("head " + head + " past the fan-out in progress after " + fannedOut);
                }
                EventLog.Range range = shared.readAfter(Math.max(0, head - 10), head);
                List<LoggedEvent> read = range.events();
                // Unless appenders pushed it out of the ring meanwhile (then the range says so).
                if (head > 0 && !range.truncated() && (read.isEmpty() || read.get(read.size() - 1).sequence() != head)) {
                    failures.add("the event at head " + head + " could not be read");
                }
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CompletableFuture<EventLog.Appended>>>> results = new ArrayList<>();
        for (int t = 0; t < appenders; t++) {
            results.add(threads.submit(() -> {
                start.await();
                List<CompletableFuture<EventLog.Appended>> stages = new ArrayList<>();
                for (int i = 0; i < perAppender; i++) {
                    stages.add(shared.append(SseTarget.user("alice"), null, "e", "1", null, null).toCompletableFuture());
                }
                return stages;
            }));
        }
        start.countDown();
        List<Long> sequences = new ArrayList<>();
        for (Future<List<CompletableFuture<EventLog.Appended>>> result : results) {
            for (CompletableFuture<EventLog.Appended> stage : result.get(30, TimeUnit.SECONDS)) {
                EventLog.Appended appended = stage.get(5, TimeUnit.SECONDS);
                assertEquals(1, appended.queued(), "the stage carries the event's own fan-out");
                sequences.add(appended.event().sequence());
            }
        }
        appending.set(false);
        watcher.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " failures, the first shown");
        long total = (long) appenders * perAppender;
        assertEquals(total, lastFannedOut.get());
        assertEquals(total, shared.head());
        assertEquals(total, sequences.stream().distinct().count(), "every append got its own sequence");
    }

    private <T> T within(Callable<T> call) throws Exception {
        Future<T> result = threads.submit(call);
        try {
            return result.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return fail("held up behind a fan-out");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
