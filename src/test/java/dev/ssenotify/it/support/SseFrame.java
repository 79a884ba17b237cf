package dev.ssenotify.it.support;

/** One dispatched event, or one comment line (then only {@code comment} is set). */
public record SseFrame(String event, String id, String data, Long retry, String comment) {

    public boolean isComment() {
        return comment != null;
    }

    public boolean is(String name) {
        return name.equals(event);
    }
}
