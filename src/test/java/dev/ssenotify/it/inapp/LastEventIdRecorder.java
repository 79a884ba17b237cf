package dev.ssenotify.it.inapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Deployed with the tests only: remembers the Last-Event-ID headers that reconnecting clients sent. */
@WebFilter(urlPatterns = "/api/sse", asyncSupported = true)
public class LastEventIdRecorder extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String lastEventId = request.getHeader("Last-Event-ID");
        if (lastEventId != null) {
            SEEN.add(lastEventId);
        }
        chain.doFilter(request, response);
    }
}
