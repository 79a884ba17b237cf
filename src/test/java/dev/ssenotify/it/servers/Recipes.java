package dev.ssenotify.it.servers;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The shipped files under {@code deployment/}, read as the servers under test start from them. */
public final class Recipes {

    private Recipes() {
    }

    /** A properties recipe's keys and values (commented-out lines are not settings). */
    public static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((key, value) -> out.put((String) key, (String) value));
        return out;
    }
}
