package dev.ssenotify.it;

import dev.ssenotify.it.servers.ContractSuite;
import dev.ssenotify.it.servers.Payara7;
import dev.ssenotify.it.servers.Recipes;
import dev.ssenotify.it.servers.ServerUnderTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The HTTP contract on Payara Micro 7 (Jakarta EE 11 runtime, Java 25), the WAR unchanged. */
class Payara7IT extends ContractSuite {

    private static Payara7 server;

    @BeforeAll
    static void start() {
        // The shipped production settings, under the test's own: the recipe users copy is what runs.
        Map<String, String> settings = new LinkedHashMap<>(Recipes.properties(Path.of("deployment", "payara", "production.properties")));
        settings.putAll(settings());
        server = Payara7.start("payara7", settings);
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
        return Payara7.start(name, settings);
    }

    @Override
    protected ServerUnderTest startAnswering(String name, Map<String, String> settings) {
        return Payara7.startAnswering(name, settings);
    }
}
