package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.Payara7;
import dev.ssenotify.it.servers.ServerUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The HTTP contract on Payara Micro 7 (Jakarta EE 11 runtime, Java 25), the WAR unchanged. */
class Payara7IT extends ContractSuite {

    private static Payara7 server;

    @BeforeAll
    static void start() {
        server = Payara7.start("payara7", settings());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected ServerUnderTest server() {
        return server;
    }
}
