package dev.ssenotify.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** What every scenario needs: the target, the sizes, where results go, and how to open streams. */
final class Bench {

    // The app opened about 100 streams/s on 2 shared cores: 19,000 take three minutes.
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(400);
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    private final TargetConfig target;
    private final Scale scale;
    private final Results results;
    private final ServerProbe probe;
    private final int ioThreads;
    private final boolean dropOne;
    private final StreamCount streamCount;
    // Wire rounds differ between runs and scenarios, so a replayed old event never passes for a new one.
    private final AtomicInteger nextRound = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 100_000) * 1000);

    Bench(TargetConfig target, Scale scale, Results results, ServerProbe probe, int ioThreads, boolean dropOne) {
        this.target = target;
        this.scale = scale;
        this.results = results;
        this.probe = probe;
        this.ioThreads = ioThreads;
        this.dropOne = dropOne;
        this.streamCount = target.streamCount();
    }

    /**
     * Before a step: waits until the server has dropped the streams earlier steps closed, when the target
     * says how to ask it (see {@link StreamCount}).
     */
    void awaitServerReleasedStreams() throws java.io.IOException, InterruptedException {
        if (streamCount != null) {
            streamCount.awaitZero().ifPresent(ms -> {
                if (ms > 0) {
                    System.out.println("bench: the server dropped the streams closed before within " + ms + " ms");
                }
            });
        }
    }

    TargetConfig target() {
        return target;
    }

    Scale scale() {
        return scale;
    }

    Results results() {
        return results;
    }

    ServerProbe probe() {
        return probe;
    }

    /** Test hook: one connection of each delivery scenario discards its first benchmark event. */
    boolean dropOne() {
        return dropOne;
    }

    StreamPool pool() {
        return new StreamPool(ioThreads, target.sources(), 256);
    }

    DeliveryLedger ledger(int rounds) {
        return new DeliveryLedger(nextRound.getAndAdd(rounds + 1000), rounds);
    }
}
