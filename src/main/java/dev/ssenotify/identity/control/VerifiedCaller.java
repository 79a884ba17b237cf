package dev.ssenotify.identity.control;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who a valid token or API key names.
 *
 * @param name      the caller principal: {@code upn}, else {@code preferred_username}, else {@code sub}
 * @param groups    the roles: the token's {@code groups}, or {@code sse-publisher} for an API key
 * @param expiry    when the token stops being valid; null for an API key
 * @param subscribe the topic patterns of the token's {@code sse_subscribe} claim
 */
public record VerifiedCaller(String name, Set<String> groups, Instant expiry, List<String> subscribe) {

    public VerifiedCaller {
        groups = Set.copyOf(groups);
        subscribe = List.copyOf(subscribe);
    }
}
