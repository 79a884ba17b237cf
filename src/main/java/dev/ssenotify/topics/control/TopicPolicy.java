package dev.ssenotify.topics.control;

import dev.ssenotify.notify.entity.TopicPattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who may subscribe to which topics. A requested pattern is allowed when a pattern granted to the caller
 * covers it (every topic it matches, the grant matches too): the public patterns, open to everyone; the
 * patterns of a role the caller is in; the patterns of the caller's token ({@code sse_subscribe}). An
 * administrator may subscribe to anything. Pure: the caller is described by a {@link Caller}.
 */
public final class TopicPolicy {

    private final List<TopicPattern> open;
    private final Map<String, List<TopicPattern>> byRole;

    /**
     * @param open   patterns anyone may subscribe within, anonymous callers too
     * @param byRole patterns the callers in a role may subscribe within
     */
    public TopicPolicy(List<TopicPattern> open, Map<String, List<TopicPattern>> byRole) {
        this.open = List.copyOf(open);
        this.byRole = Map.copyOf(byRole);
    }

    /** Who asks: whether an administrator, which roles it is in, and the patterns its token grants. */
    public record Caller(boolean admin, Predicate<String> inRole, List<String> claimed) {

        public static Caller anonymous() {
            return new Caller(false, role -> false, List.of());
        }
    }

    /** The roles the policy asks about. */
    public Set<String> roles() {
        return byRole.keySet();
    }

    /** The first requested pattern no grant of the caller covers; null when every one is allowed. */
    public TopicPattern refused(Collection<TopicPattern> requested, Caller caller) {
        if (caller.admin() || requested.isEmpty()) {
            return null;
        }
        List<TopicPattern> granted = granted(caller);
        for (TopicPattern pattern : requested) {
            if (granted.stream().noneMatch(grant -> grant.covers(pattern))) {
                return pattern;
            }
        }
        return null;
    }

    private List<TopicPattern> granted(Caller caller) {
        List<TopicPattern> granted = new ArrayList<>(open);
        byRole.forEach((role, patterns) -> {
            if (caller.inRole().test(role)) {
                granted.addAll(patterns);
            }
        });
        for (String claimed : caller.claimed()) {
            try {
                granted.add(TopicPattern.parse(claimed));
            } catch (IllegalArgumentException e) {
                // A token's pattern that is not one grants nothing; the others still count.
            }
        }
        return granted;
    }
}
