package dev.ssenotify.it.servers;

import java.net.URI;

/**
 * One running server with the packaged WAR deployed at {@code /}, for the suites that run the same contract
 * on every runtime the WAR supports. Implementations start it from what the build unpacked under
 * {@code target/servers}, pass the settings as MicroProfile Config system properties, wait (bounded) until
 * it is ready, and stop it on {@link #close()}.
 */
public interface ServerUnderTest extends AutoCloseable {

    /** A short name for messages and directories: {@code wildfly}, {@code liberty}, {@code payara7}. */
    String name();

    /** The application's base URI, ending with {@code /}: {@code base().resolve("api/sse")}. */
    URI base();

    /** Where MicroProfile Health answers, ending with {@code /}: {@code health().resolve("ready")}. */
    URI health();

    /** Where the Prometheus text with the {@code sse_*} metrics is served. */
    URI metrics();

    /** The server's log, for assertions on what a client leaving writes there. */
    java.nio.file.Path log();

    @Override
    void close();
}
