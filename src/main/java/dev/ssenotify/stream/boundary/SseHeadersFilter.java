package dev.ssenotify.stream.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Event streams must reach the browser unbuffered and uncached, also through proxies such as nginx.
 */
@Provider
public class SseHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE) && response.getStatus() == 200) {
            response.getHeaders().putSingle("Cache-Control", "no-cache, no-store");
            response.getHeaders().putSingle("X-Accel-Buffering", "no");
        }
    }
}
