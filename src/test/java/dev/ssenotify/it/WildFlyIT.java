package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.ServerUnderTest;
import dev.ssenotify.it.servers.WildFly;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared HTTP contract on WildFly 39, configured by the users' recipe (deployment/wildfly), the WAR
 * unchanged: health and metrics on the management port, and two instances on one Redis.
 */
class WildFlyIT extends ContractSuite {

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

    @Override
    protected ServerUnderTest startAnother(String name, Map<String, String> settings) {
        return WildFly.start(name, settings);
    }

    @Override
    protected ServerUnderTest startAnswering(String name, Map<String, String> settings) {
        return WildFly.start(name, settings, WildFly::isUp);
    }
}
