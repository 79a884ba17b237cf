package dev.ssenotify.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;

/** Session logins: verifies credentials, then binds the user to a fresh session. */
@ApplicationScoped
public class Logins {

    @Inject
    UserDirectory directory;

    public Optional<UserAccount> login(HttpServletRequest request, String name, String password) {
        Optional<UserAccount> account = directory.verify(name, password);
        account.ifPresent(a -> SessionIds.startFresh(request, a.name()));
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
