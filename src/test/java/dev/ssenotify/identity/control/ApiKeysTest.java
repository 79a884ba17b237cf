package dev.ssenotify.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static String hash(String key) {
        return HexFormat.of().formatHex(ApiKeys.sha256(key));
    }

    @Test
    void aKeyMatchesItsHashAndNamesItsEntry() {
        ApiKeys keys = new ApiKeys("billing=sha256:" + hash("key-one") + ", sha256:" + hash("key-two").toUpperCase());
        assertEquals(Optional.of("billing"), keys.match("key-one"));
        assertEquals(Optional.of("api-key-" + hash("key-two").substring(0, 8)), keys.match("key-two"));
        assertEquals(Optional.empty(), keys.match("key-three"));
        assertEquals(Optional.empty(), keys.match(""));
    }

    @Test
    void unsetIsEmptyAndABadEntryIsAClearError() {
        assertTrue(new ApiKeys("").isEmpty());
        assertTrue(new ApiKeys(null).isEmpty());
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class, () -> new ApiKeys("my-secret-key"));
        assertTrue(plain.getMessage().contains("sha256:"), plain.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ApiKeys("sha256:abc"));
    }
}
