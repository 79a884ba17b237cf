package dev.ssenotify.identity.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static publisher keys for backends without an identity provider: {@code sse.publish.api-keys} lists
 * {@code [name=]sha256:<hex>} entries, the SHA-256 of each key, so the config never holds a usable key. A key is
 * long and random, which is why a plain hash suffices (no password stretching). A presented key is hashed and
 * compared with every entry in constant time.
 */
public final class ApiKeys {

    private static final Pattern ENTRY = Pattern.compile("(?:([A-Za-z0-9._@-]{1,64})=)?sha256:([0-9a-fA-F]{64})");

    private record Entry(String name, byte[] hash) {
    }

    private final List<Entry> entries;

    /** @param config the value of {@code sse.publish.api-keys}; throws IllegalArgumentException for a bad entry */
    public ApiKeys(String config) {
        List<Entry> parsed = new ArrayList<>();
        for (String raw : config == null ? new String[0] : config.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Matcher m = ENTRY.matcher(entry);
            if (!m.matches()) {
                throw new IllegalArgumentException("sse.publish.api-keys: each entry is [name=]sha256:<64 hex digits>,"
                        + " the SHA-256 of the key (e.g. printf %s \"$KEY\" | sha256sum)");
            }
            String hex = m.group(2).toLowerCase();
            String name = m.group(1) != null ? m.group(1) : "api-key-" + hex.substring(0, 8);
            parsed.add(new Entry(name, HexFormat.of().parseHex(hex)));
        }
        this.entries = List.copyOf(parsed);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The name of the entry this key hashes to, if any. */
    public Optional<String> match(String presented) {
        byte[] hash = sha256(presented);
        String found = null;
        // Every entry is compared, so the time taken does not say which one matched.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && found == null) {
                found = entry.name();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
