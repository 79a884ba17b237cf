package dev.ssenotify.auth.control;

import dev.ssenotify.web.control.ClientAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import dev.ssenotify.limits.control.RateLimits;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;

/**
 * Checks credentials for both ways in (a session login and HTTP Basic), throttled: an account or an address
 * that failed too often lately is refused with {@link dev.ssenotify.limits.entity.RateLimitedException} before its password is even
 * looked at, the right one included, so guessing gains nothing; only failures count.
 */
@ApplicationScoped
public class Logins {

    @Inject
    ClientAddresses addresses;
    @Inject
    UserDirectory directory;
    @Inject
    RateLimits limits;

    /** The account if the credentials are right; throws past the failed-login limits. */
    public Optional<UserAccount> verify(String name, String password, String address) {
        limits.checkLogin(name, address);
        Optional<UserAccount> account = directory.verify(name, password);
        if (account.isEmpty()) {
            limits.loginFailed(name, address);
        }
        return account;
    }

    public Optional<UserAccount> login(HttpServletRequest request, String name, String password) {
        Optional<UserAccount> account = verify(name, password, addresses.of(request));
        account.ifPresent(a -> SessionLogin.startFresh(request, a.name()));
        return account;
    }

    /** The roles of an account the directory knows. */
    public Optional<Set<String>> rolesOf(String name) {
        return directory.find(name).map(UserAccount::roles);
    }

    public void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
