package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.Liberty;
import dev.ssenotify.it.servers.ServerUnderTest;
import java.util.Map;

/**
 * The shared HTTP contract on Open Liberty 25.0.0.11, started from the users' recipe (deployment/liberty:
 * server.xml, jvm.options), the WAR unchanged: health and metrics on the application's port, and two
 * instances on one Redis.
 */
class LibertyIT extends ContractSuite {

    @Override
    protected ServerUnderTest start(String name, Map<String, String> settings) {
        return Liberty.start(name, settings);
    }

    @Override
    protected ServerUnderTest startAnswering(String name, Map<String, String> settings) {
        return Liberty.startAnswering(name, settings);
    }
}
