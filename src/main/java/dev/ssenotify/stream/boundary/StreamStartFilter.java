package dev.ssenotify.stream.boundary;

import dev.ssenotify.stream.control.OpenStream;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Begins writing a stream once the JAX-RS runtime is done with its response: when its dispatch returns
 * here, the runtime has written the status and headers, put the request in async mode, and will not touch
 * the output again until the stream is closed. From then on the stream's own writer owns the output.
 */
@WebFilter(urlPatterns = "/api/sse", asyncSupported = true)
public class StreamStartFilter extends HttpFilter {

    static final String ATTRIBUTE = StreamStartFilter.class.getName() + ".stream";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            // Also when the runtime failed after admitting the stream: beginning then fails and closes it,
            // rather than leaving it registered and never written.
            if (request.getAttribute(ATTRIBUTE) instanceof OpenStream stream) {
                request.removeAttribute(ATTRIBUTE);
                stream.begin(request, response);
            }
        }
    }
}
