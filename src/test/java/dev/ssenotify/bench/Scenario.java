package dev.ssenotify.bench;

/** One standard measurement; it records figures and failures in the bench's results and stops by itself. */
interface Scenario {

    String name();

    void run(Bench bench) throws Exception;
}
