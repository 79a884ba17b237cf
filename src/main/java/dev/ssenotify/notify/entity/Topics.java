package dev.ssenotify.notify.entity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The topic patterns one stream is subscribed to, in the order they were first asked for, each once.
 * Immutable: a stream that changes its topics gets a new value.
 */
public final class Topics {

    public static final Topics NONE = new Topics(List.of());

    private final List<TopicPattern> patterns;

    private Topics(Collection<TopicPattern> patterns) {
        this.patterns = List.copyOf(new LinkedHashSet<>(patterns));
    }

    public static Topics of(Collection<TopicPattern> patterns) {
        return patterns.isEmpty() ? NONE : new Topics(patterns);
    }

    /** These topics with {@code add} appended (those not held yet) and {@code remove} taken away. */
    public Topics change(Collection<TopicPattern> add, Collection<TopicPattern> remove) {
        Set<TopicPattern> next = new LinkedHashSet<>(patterns);
        next.addAll(add);
        next.removeAll(remove);
        return of(next);
    }

    public List<TopicPattern> patterns() {
        return patterns;
    }

    /** The patterns as text, for the wire. */
    public List<String> names() {
        return patterns.stream().map(TopicPattern::text).toList();
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    public int size() {
        return patterns.size();
    }

    /** Whether an event for this topic name reaches the stream. */
    public boolean matches(String topic) {
        for (TopicPattern pattern : patterns) {
            if (pattern.matches(topic)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Topics topics && topics.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return names().toString();
    }
}
