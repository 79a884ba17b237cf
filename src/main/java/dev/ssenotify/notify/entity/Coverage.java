package dev.ssenotify.notify.entity;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

/**
 * Matching and coverage of topic patterns, each read as a small automaton over segments: state {@code i}
 * means the first {@code i} segments of the pattern are matched; {@code **} may match nothing (a free step to
 * {@code i + 1}) or take one more segment and stay.
 * <p>
 * A pattern covers another when no topic the other matches escapes it. Neither tells apart two segments it
 * does not name, so it is enough to try the segments the two name plus one they do not; the search walks
 * both automata side by side over those and looks for a topic accepted by the inner one only. The work is
 * bounded: past {@link #MAX_STEPS} steps (patterns built to be costly, such as {@code **}{@code /a/*}/...
 * with many {@code *}) it gives up and says "not covered", since a refusal is the safe answer.
 */
final class Coverage {

    // Each step costs one look at every segment of a pattern (at most 100): a refusal costs well under a ms.
    static final int MAX_STEPS = 4096;
    // Stands for every segment neither pattern names; never a valid segment itself.
    private static final String OTHER = "";

    private Coverage() {
    }

    static boolean matches(String[] pattern, String[] topic) {
        BitSet states = closure(pattern, single(0));
        for (String segment : topic) {
            states = step(pattern, states, segment);
            if (states.isEmpty()) {
                return false;
            }
        }
        return states.get(pattern.length);
    }

    static boolean covers(String[] outer, String[] inner) {
        if (concrete(inner)) {
            return matches(outer, inner);
        }
        Set<String> segments = new LinkedHashSet<>();
        for (String[] pattern : List.of(outer, inner)) {
            for (String segment : pattern) {
                if (!segment.equals(TopicPattern.ONE) && !segment.equals(TopicPattern.ANY)) {
                    segments.add(segment);
                }
            }
        }
        segments.add(OTHER);
        BitSet[] start = {closure(inner, single(0)), closure(outer, single(0))};
        Set<List<BitSet>> seen = new HashSet<>();
        Queue<BitSet[]> queue = new ArrayDeque<>();
        queue.add(start);
        int steps = 0;
        // Topics are never empty: only what follows at least one segment counts, so the start is not checked.
        while (!queue.isEmpty()) {
            BitSet[] pair = queue.remove();
            for (String segment : segments) {
                if (++steps > MAX_STEPS) {
                    return false;
                }
                BitSet in = step(inner, pair[0], segment);
                if (in.isEmpty()) {
                    continue;
                }
                BitSet out = step(outer, pair[1], segment);
                if (in.get(inner.length) && !out.get(outer.length)) {
                    return false;
                }
                if (seen.add(List.of(in, out))) {
                    queue.add(new BitSet[] {in, out});
                }
            }
        }
        return true;
    }

    private static boolean concrete(String[] pattern) {
        for (String segment : pattern) {
            if (segment.equals(TopicPattern.ONE) || segment.equals(TopicPattern.ANY)) {
                return false;
            }
        }
        return true;
    }

    private static BitSet step(String[] pattern, BitSet states, String segment) {
        BitSet next = new BitSet(pattern.length + 1);
        for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length; i = states.nextSetBit(i + 1)) {
            String token = pattern[i];
            if (token.equals(TopicPattern.ANY)) {
                next.set(i);
            } else if (token.equals(TopicPattern.ONE) || token.equals(segment)) {
                next.set(i + 1);
            }
        }
        return closure(pattern, next);
    }

    // A "**" may match no segment: whoever stands before it also stands after it.
    private static BitSet closure(String[] pattern, BitSet states) {
        for (int i = 0; i < pattern.length; i++) {
            if (states.get(i) && pattern[i].equals(TopicPattern.ANY)) {
                states.set(i + 1);
            }
        }
        return states;
    }

    private static BitSet single(int state) {
        BitSet states = new BitSet();
        states.set(state);
        return states;
    }
}
