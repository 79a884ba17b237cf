package dev.ssenotify.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape docs/architecture.md describes, checked on every build. */
class ArchitectureTest {

    private static final String ROOT = "dev.ssenotify";
    // About what a reader holds in mind at once; past it a class usually does two jobs.
    private static final int MAX_LINES = 200;
    private static final SourceGraph MAIN = SourceGraph.read(Path.of("src/main/java"));

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        assertEquals(List.of(), Cycles.in(MAIN.packageDependencies(ROOT)), "package cycles");
    }

    @Test
    void onlyTheClusterPackageTalksToRedisOrAsksWhichModeItRunsIn() {
        for (SourceGraph.SourceFile file : MAIN.files()) {
            if (file.packageName().startsWith(ROOT + ".cluster")) {
                continue;
            }
            for (String imported : file.imports()) {
                assertFalse(imported.startsWith("io.lettuce") || imported.startsWith(ROOT + ".cluster.control.Redis")
                                || imported.equals(ROOT + ".cluster.control.ClusterConfig"),
                        file.path() + " imports " + imported + ": Redis and the mode belong to dev.ssenotify.cluster");
            }
        }
    }

    @Test
    void everyMainClassReadsInOneSitting() {
        for (SourceGraph.SourceFile file : MAIN.files()) {
            assertTrue(file.lines() <= MAX_LINES, file.path() + " has " + file.lines() + " lines; split it by responsibility");
        }
    }

    @Test
    void theCycleFinderFindsCycles() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        List<Set<String>> cycles = Cycles.in(graph);
        assertEquals(List.of(Set.of("a", "b", "c")), cycles);
        assertTrue(Cycles.in(Map.of("a", Set.of("b"), "b", Set.of())).isEmpty());
    }
}
