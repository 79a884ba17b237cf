package dev.ssenotify.topics.control;

import dev.ssenotify.notify.entity.TopicPattern;
import dev.ssenotify.web.control.AskedRoles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * The topic settings: {@code sse.topics.public} (patterns open to everyone), {@code sse.topics.role.<role>}
 * (patterns a role may subscribe within), {@code sse.topics.max-per-stream} (default 32). A malformed pattern
 * or a cap below 1 stops the deployment, naming the key.
 */
@ApplicationScoped
public class TopicsConfig implements AskedRoles {

    static final String PUBLIC = "sse.topics.public";
    static final String ROLE_PREFIX = "sse.topics.role.";
    static final String MAX_PER_STREAM = "sse.topics.max-per-stream";

    @Inject
    Config config;

    private TopicPolicy policy;
    private int maxPerStream;

    @PostConstruct
    void read() {
        maxPerStream = config.getOptionalValue(MAX_PER_STREAM, Integer.class).orElse(32);
        if (maxPerStream < 1) {
            throw new IllegalStateException(MAX_PER_STREAM + " must be at least 1, got " + maxPerStream);
        }
        Map<String, List<TopicPattern>> byRole = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROLE_PREFIX) && name.length() > ROLE_PREFIX.length()) {
                byRole.put(name.substring(ROLE_PREFIX.length()), patterns(name));
            }
        }
        policy = new TopicPolicy(patterns(PUBLIC), byRole);
    }

    private List<TopicPattern> patterns(String key) {
        List<TopicPattern> out = new ArrayList<>();
        for (String item : config.getOptionalValue(key, String.class).orElse("").split(",")) {
            if (!item.isBlank()) {
                try {
                    out.add(TopicPattern.parse(item.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(key + " holds '" + item.strip() + "', not a topic pattern: "
                            + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    public TopicPolicy policy() {
        return policy;
    }

    /** Topics one stream may be subscribed to at once. */
    public int maxPerStream() {
        return maxPerStream;
    }

    @Override
    public Set<String> asked() {
        return policy.roles();
    }
}
