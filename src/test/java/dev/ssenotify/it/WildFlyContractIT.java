package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.ServerUnderTest;
import dev.ssenotify.it.servers.WildFly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared HTTP contract on WildFly 39, configured by the users' recipe, the WAR unchanged. */
class WildFlyContractIT extends ContractSuite {

    private static WildFly server;

    @BeforeAll
    static void start() {
        server = WildFly.start("contract", settings());
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
