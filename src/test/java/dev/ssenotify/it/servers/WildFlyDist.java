package dev.ssenotify.it.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The WildFly the build unpacked ({@code wildfly.home}), its scripts, and the recipe applied to it. */
final class WildFlyDist {

    private static boolean configuredThisRun;

    private WildFlyDist() {
    }

    /**
     * The unpacked {@code standalone} directory with the users' recipe applied, once per test run (it takes
     * 4-15 s): every instance starts from a copy of it.
     */
    static synchronized Path configured() throws IOException {
        Path dir = Path.of("target", "wildfly", "configured").toAbsolutePath();
        if (!configuredThisRun) {
            Servers.deleteTree(dir);
            Servers.copyTree(home().resolve("standalone"), dir, Set.of());
            configure(dir);
            configuredThisRun = true;
        }
        return dir;
    }

    /** Applies the users' recipe offline, to this copy of the configuration only. */
    private static void configure(Path dir) throws IOException {
        String war = Path.of(System.getProperty("sse.war", "target/sse-notify.war")).toAbsolutePath().toString();
        String cli = Path.of(System.getProperty("wildfly.cli", "deployment/wildfly/configure.cli")).toAbsolutePath().toString();
        Path output = dir.resolve("configure.log");
        Process process = process(List.of(home().resolve("bin/jboss-cli.sh").toString(),
                "-Dsse.war=" + war, "-Djboss.server.base.dir=" + dir, "--file=" + cli))
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("configure.cli took over 2 minutes; see " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("configure.cli failed: " + Files.readString(output));
        }
    }

    static ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // WildFly 39 runs on the JDK the project targets; JAVA_OPTS from the build would replace standalone.conf's.
        builder.environment().put("JAVA_HOME", System.getProperty("wildfly.javaHome", "/usr/lib/jvm/java-17-openjdk-amd64"));
        builder.environment().remove("JAVA_OPTS");
        return builder;
    }

    static Path home() {
        String home = System.getProperty("wildfly.home");
        if (home == null || !Files.isDirectory(Path.of(home))) {
            throw new IllegalStateException("no WildFly at " + home + ": run the pre-integration-test phase first "
                    + "(mvn verify does; or mvn dependency:unpack@unpack-wildfly)");
        }
        return Path.of(home);
    }
}
