package dev.ssenotify.stream.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the anonymous streams each client address holds, against {@code sse.max-anonymous-per-address}:
 * without it, one address could fill {@code sse.max-clients} with streams nobody signed in for. Entries go
 * when their last stream does, so the map holds only addresses with open streams.
 */
final class AddressLimit {

    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Map<String, String> addressOf = new ConcurrentHashMap<>();

    /** Counts the stream for its address; false (and nothing counted) when the address is at the limit. */
    boolean tryAdd(String address, String clientId, int max) {
        boolean[] added = {false};
        perAddress.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            added[0] = true;
            return now + 1;
        });
        if (added[0]) {
            addressOf.put(clientId, address);
        }
        return added[0];
    }

    void remove(String clientId) {
        String address = addressOf.remove(clientId);
        if (address != null) {
            perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        }
    }

    int count(String address) {
        return perAddress.getOrDefault(address, 0);
    }
}
