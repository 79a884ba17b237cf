package dev.ssenotify.auth.control;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One configured user: {@code name:password:role|role}. Roles become the caller's groups.
 */
public record UserAccount(String name, String password, Set<String> roles) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /**
     * Parses {@code sse.auth.users}: comma-separated {@code name:password:role|role} entries; the roles part
     * may be empty. Throws with the offending entry's position when one is malformed or repeated.
     */
    public static Map<String, UserAccount> parseAll(String spec) {
        Map<String, UserAccount> accounts = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return Map.of();
        }
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isEmpty()) {
                throw new IllegalArgumentException("sse.auth.users entry " + (i + 1)
                        + " must look like name:password:role|role");
            }
            Set<String> roles = new LinkedHashSet<>();
            if (parts.length == 3 && !parts[2].isBlank()) {
                Arrays.stream(parts[2].split("\\|")).map(String::trim).filter(r -> !r.isEmpty()).forEach(roles::add);
            }
            String name = parts[0].trim();
            if (accounts.put(name, new UserAccount(name, parts[1], roles)) != null) {
                throw new IllegalArgumentException("sse.auth.users names user '" + name + "' twice");
            }
        }
        return Map.copyOf(accounts);
    }

    @Override
    public String toString() {
        return "UserAccount[name=" + name + ", roles=" + roles + "]";
    }
}
