package dev.ssenotify.bench;

/** One dispatched event-stream event; {@code event} is "message" when the server sent no event line. */
record SseEvent(String event, String id, String data) {
}
