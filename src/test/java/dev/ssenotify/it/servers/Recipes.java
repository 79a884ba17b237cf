package dev.ssenotify.it.servers;

import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream in = Files.newInputStream(file)) {
            return properties(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Properties text as keys and values, in file order where the format allows. */
    public static Map<String, String> properties(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((key, value) -> out.put((String) key, (String) value));
        return out;
    }
}
