package dev.ssenotify.identity.boundary;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps sse-notify's mechanism out unless one of its credentials is configured. Jakarta Security takes one
 * mechanism per application: left in unconfigured, it would collide with the host's own (OIDC, a form login,
 * a container realm's), which sse-notify then simply reads the caller principal and roles of.
 */
public class IdentitySwitch implements Extension {

    private static final Logger LOG = Logger.getLogger("dev.ssenotify.identity");

    /** Any of these set turns the mechanism on. */
    static final List<String> KEYS = List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "sse.publish.api-keys", "sse.auth.users");

    void decide(@Observes ProcessAnnotatedType<TokenAuthentication> type) {
        if (!configured(ConfigProvider.getConfig())) {
            LOG.info("sse-notify's authentication is off (none of " + KEYS + " is set): callers are whoever "
                    + "the application's own security says");
            type.veto();
        }
    }

    static boolean configured(Config config) {
        return KEYS.stream().anyMatch(key -> config.getOptionalValue(key, String.class)
                .filter(value -> !value.isBlank()).isPresent());
    }
}
