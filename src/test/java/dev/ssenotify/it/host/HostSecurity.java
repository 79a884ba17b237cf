package dev.ssenotify.it.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The host application's own security, as Jakarta Security offers it: its Basic mechanism and identity store.
 * sse-notify's mechanism, unconfigured, stays out of its way and reads the caller it establishes.
 */
@BasicAuthenticationMechanismDefinition(realmName = "host")
@ApplicationScoped
public class HostSecurity implements IdentityStore {

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return credential.compareTo("host-user", "host-secret")
                ? new CredentialValidationResult("host-user", Set.of("staff"))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
