package dev.ssenotify.topics.boundary;

import dev.ssenotify.topics.control.TopicsConfig;
import dev.ssenotify.web.control.Roles;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import java.util.TreeSet;

/**
 * Declares the roles the topics ask callers about: those named by {@code sse.topics.role.<role>} and
 * {@code sse-publisher}. A container whose authorization knows only declared roles (Payara's) answers
 * {@code isUserInRole} false for any other, whatever the caller's groups.
 */
@WebListener
public class TopicRoles implements ServletContextListener {

    @Inject
    TopicsConfig config;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Set<String> roles = new TreeSet<>(config.asked());
        roles.add(Roles.PUBLISHER);
        event.getServletContext().declareRoles(roles.toArray(String[]::new));
    }
}
