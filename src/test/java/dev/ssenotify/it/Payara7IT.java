package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.Payara7;
import dev.ssenotify.it.servers.ServerUnderTest;
import dev.ssenotify.it.servers.Recipes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared HTTP contract on Payara Micro 7 (Java 25), started with the shipped
 * deployment/payara/production.properties, the WAR unchanged.
 */
class Payara7IT extends ContractSuite {

    @Override
    protected ServerUnderTest start(String name, Map<String, String> settings) {
        return Payara7.start(name, settings);
    }

    @Override
    protected ServerUnderTest startAnswering(String name, Map<String, String> settings) {
        return Payara7.startAnswering(name, settings);
    }

    /** The shipped production settings, under the test's own: the recipe users copy is what runs. */
    @Override
    protected Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>(Recipes.properties(Path.of("deployment", "payara", "production.properties")));
        settings.putAll(settings());
        return settings;
    }
}
