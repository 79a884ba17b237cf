package dev.ssenotify.notify.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that write to streams. Sized by {@code sse.dispatch.threads} rather than the server's default
 * executor (a couple of threads on Payara), because a write to a client that stopped reading can block a
 * thread until the socket times out, and the other clients must keep flowing meanwhile. Threads come from
 * the container's {@link ManagedThreadFactory}, so they carry its context and end with the application.
 */
@ApplicationScoped
public class DeliveryExecutor {

    @Resource
    ManagedThreadFactory threadFactory;
    @Inject
    SseConfig config;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        int threads = config.dispatchThreads();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
        pool.allowCoreThreadTimeOut(true);
    }

    void execute(Runnable task) {
        pool.execute(task);
    }

    /** Runs the task on the pool, or on the caller's thread once the pool has shut down. */
    void runOrInline(Runnable task) {
        try {
            pool.execute(task);
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
}
