package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.WildFly;
import dev.ssenotify.it.servers.ServerUnderTest;
import java.util.Map;

/**
 * The shared HTTP contract on WildFly 39, configured by the users' recipe (deployment/wildfly/configure.cli),
 * the WAR unchanged: health and metrics on the management port, and two instances on one Redis.
 */
class WildFlyIT extends ContractSuite {

    @Override
    protected ServerUnderTest start(String name, Map<String, String> settings) {
        return WildFly.start(name, settings);
    }

    @Override
    protected ServerUnderTest startAnswering(String name, Map<String, String> settings) {
        return WildFly.start(name, settings, WildFly::isUp);
    }
}
