package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.Liberty;
import dev.ssenotify.it.servers.ServerUnderTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared HTTP contract on Open Liberty 25.0.0.11, started from the users' recipe (deployment/liberty:
 * server.xml, jvm.options), the WAR unchanged: health and metrics on the application's port, and two
 * instances on one Redis.
 */
class LibertyIT extends ContractSuite {

    private static Liberty server;

    @BeforeAll
    static void start() {
        server = Liberty.start("contract", settings());
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

    @Override
    protected ServerUnderTest startAnother(String name, Map<String, String> settings) {
        return Liberty.start(name, settings);
    }

    @Override
    protected ServerUnderTest startAnswering(String name, Map<String, String> settings) {
        return Liberty.startAnswering(name, settings);
    }
}
