package dev.ssenotify.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The users the built-in authentication knows, read from {@code sse.auth.users}. Empty by default, so that
 * nobody can log in unless an operator configures it.
 */
@ApplicationScoped
public class UserDirectory {

    @Inject
    @ConfigProperty(name = "sse.auth.users")
    Optional<String> users;

    private Map<String, UserAccount> accounts = Map.of();

    @PostConstruct
    void load() {
        accounts = UserAccount.parseAll(users.orElse(""));
    }

    /** The account if the password matches; the comparison takes the same time whatever the input. */
    public Optional<UserAccount> verify(String name, String password) {
        if (name == null || password == null) {
            return Optional.empty();
        }
        UserAccount account = accounts.get(name);
        byte[] expected = digest(account == null ? "\0no-such-user" : account.password());
        boolean matches = MessageDigest.isEqual(expected, digest(password));
        return account != null && matches ? Optional.of(account) : Optional.empty();
    }

    /** Whether the demo login is on: {@code sse.auth.users} names at least one account. */
    public boolean enabled() {
        return !accounts.isEmpty();
    }

    public Optional<UserAccount> find(String name) {
        return Optional.ofNullable(name == null ? null : accounts.get(name));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
