package dev.ssenotify.web.boundary;

import dev.ssenotify.web.control.WebConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie that carries a browser login: never readable by scripts ({@code HttpOnly}), not sent on
 * cross-site subrequests ({@code SameSite=Lax}: a foreign page cannot use it to post or to open a stream), and
 * {@code Secure} always when {@code sse.cookie.secure=true} (behind a proxy that ends TLS) or else on requests
 * that came over HTTPS, which the container marks by itself.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Inject
    WebConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        if (config.cookieSecure()) {
            cookie.setSecure(true);
        }
    }
}
