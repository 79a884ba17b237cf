package dev.ssenotify.web.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives {@code 429} its reason phrase, {@code Too Many Requests}. Servlet 6 can no longer set one, and
 * Payara's Grizzly knows none for 429: it writes {@code 429 CUSTOM}. Its Grizzly response can still take a
 * phrase ({@code setDetailMessage}, which {@code sendError} uses), so right after the status is set it is
 * given one, reached through the Catalina response behind the facade. Containers that know 429 (and any
 * that do not look like Payara) are left alone.
 */
// Also on the ASYNC dispatch that BodyReadFilter makes once a body is read: filters run in no set order.
@WebFilter(urlPatterns = "/api/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class ReasonPhraseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("dev.ssenotify.web");
    private static final String PHRASE = "Too Many Requests";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(status);
                if (status == 429) {
                    setReasonPhrase(getResponse());
                }
            }
        });
    }

    private static void setReasonPhrase(ServletResponse response) {
        try {
            Field field = findField(response.getClass(), "response");
            if (field == null) {
                return;
            }
            field.setAccessible(true);
            Object catalina = field.get(response);
            Object grizzly = catalina == null ? null : catalina.getClass().getMethod("getCoyoteResponse").invoke(catalina);
            if (grizzly != null) {
                grizzly.getClass().getMethod("setDetailMessage", String.class).invoke(grizzly, PHRASE);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "cannot set the reason phrase of 429 on this container", e);
        }
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }
}
