package dev.ssenotify.bench;

import java.util.Map;

/** Status line and headers of a response; header names are lower case. */
record ResponseHead(int status, Map<String, String> headers) {

    boolean chunked() {
        return headers.getOrDefault("transfer-encoding", "").toLowerCase().contains("chunked");
    }

    boolean eventStream() {
        return headers.getOrDefault("content-type", "").toLowerCase().startsWith("text/event-stream");
    }
}
