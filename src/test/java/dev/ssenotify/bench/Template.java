package dev.ssenotify.bench;

/** A publish body with placeholders: {{round}} the wire round, {{t}} System.nanoTime(), {{pad}} filler. */
final class Template {

    private final String text;

    Template(String text) {
        this.text = text;
    }

    String fill(int round, long nanos, int padBytes) {
        return text.replace("{{round}}", Integer.toString(round))
                .replace("{{t}}", Long.toString(nanos))
                .replace("{{pad}}", "x".repeat(Math.max(0, padBytes)));
    }
}
