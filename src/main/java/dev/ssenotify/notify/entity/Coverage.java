package dev.ssenotify.notify.entity;

/**
 * Whether one run of topic segments covers another: every topic the second matches, the first matches too.
 * A topic name is a run without wildcards, so matching a name is covering it. With the wildcard runs in
 * {@link TopicPattern}'s normal form, and segments drawn from an unbounded set of names, a pattern covers
 * another exactly when each of its segments lines up with the other's: a literal with the same literal, a
 * {@code *} with a literal or a {@code *}, a {@code **} with any run of them, {@code **} included.
 */
final class Coverage {

    private Coverage() {
    }

    static boolean covers(String[] outer, String[] inner) {
        int n = outer.length;
        int m = inner.length;
        // rest[i][j]: outer from i covers inner from j; filled from the ends, so each step is O(1).
        boolean[][] rest = new boolean[n + 1][m + 1];
        rest[n][m] = true;
        for (int i = n - 1; i >= 0 && outer[i].equals(TopicPattern.ANY); i--) {
            rest[i][m] = true;
        }
        for (int i = n - 1; i >= 0; i--) {
            String a = outer[i];
            for (int j = m - 1; j >= 0; j--) {
                String b = inner[j];
                if (a.equals(TopicPattern.ANY)) {
                    rest[i][j] = rest[i + 1][j] || rest[i][j + 1];
                } else if (a.equals(TopicPattern.ONE)) {
                    rest[i][j] = !b.equals(TopicPattern.ANY) && rest[i + 1][j + 1];
                } else {
                    rest[i][j] = a.equals(b) && rest[i + 1][j + 1];
                }
            }
        }
        return rest[0][0];
    }
}
