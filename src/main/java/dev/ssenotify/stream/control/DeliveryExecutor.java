package dev.ssenotify.stream.control;

import dev.ssenotify.config.SseConfig;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that write to streams. Sized by {@code sse.dispatch.threads} rather than the server's default
 * executor (a couple of threads on Payara). With the non-blocking output a writer never waits for a client,
 * so a few threads serve any number of streams; the size matters for the blocking sink output
 * ({@code sse.dispatch.direct=false}), where a stuck client holds a thread. Threads come from the
 * container's {@link ManagedThreadFactory}, so they carry its context and end with the application.
 * <p>
 * Writes of events go before upkeep (heartbeats, probes, closing sockets): a slice of heartbeats to
 * thousands of idle streams must not stand between a published event and its client. Within a priority
 * the order is first come, first served.
 */
@ApplicationScoped
public class DeliveryExecutor {

    enum Priority { EVENTS, UPKEEP }

    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    SseConfig config;

    private final AtomicLong arrivals = new AtomicLong();
    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        int threads = config.dispatchThreads();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), threadFactory);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the task on the pool, or on the caller's thread once the pool has shut down. */
    void runOrInline(Runnable task, Priority priority) {
        Task queued = new Task(task, priority, arrivals.incrementAndGet());
        try {
            pool.execute(queued);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private record Task(Runnable work, Priority priority, long arrival) implements Runnable, Comparable<Task> {

        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(arrival, other.arrival);
        }
    }
}
