package dev.ssenotify.bench;

import java.util.List;

/** Opens the streams a scenario needs and fails it loudly when the server refuses some of them. */
final class Opening {

    private Opening() {
    }

    /** The opened streams, or null after recording a failure. */
    static List<StreamConnection> open(Bench bench, String scenario, StreamPool pool, int count, StreamSpec spec,
            DeliveryLedger ledger, int receiveBuffer) throws InterruptedException {
        List<StreamConnection> open = pool.open(count, spec, ledger, receiveBuffer, Bench.OPEN_TIMEOUT);
        if (open.size() < count) {
            bench.results().fail(scenario, "opened only " + open.size() + " of " + count + " streams to "
                    + spec.uri() + "; failures: " + pool.failures());
            return null;
        }
        return open;
    }

    /** Arms the drop-one test hook on the first stream, on its own I/O thread. */
    static void armDropOne(Bench bench, StreamPool pool, List<StreamConnection> streams) {
        if (bench.dropOne() && !streams.isEmpty()) {
            StreamConnection first = streams.get(0);
            pool.onLoop(first, first::dropNextRound);
        }
    }
}
