package dev.ssenotify.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    @Test
    void parsesNamesPasswordsAndRoles() {
        Map<String, UserAccount> users = UserAccount.parseAll("alice:pw1:user, admin:s3cr3t:sse-admin|user,bob:x:");
        assertEquals(Set.of("user"), users.get("alice").roles());
        assertEquals(Set.of("sse-admin", "user"), users.get("admin").roles());
        assertEquals(Set.of(), users.get("bob").roles());
        assertEquals("s3cr3t", users.get("admin").password());
    }

    @Test
    void emptySpecMeansNobody() {
        assertTrue(UserAccount.parseAll("").isEmpty());
        assertTrue(UserAccount.parseAll(null).isEmpty());
    }

    @Test
    void rejectsMalformedAndDuplicateEntries() {
        assertThrows(IllegalArgumentException.class, () -> UserAccount.parseAll("alice"));
        assertThrows(IllegalArgumentException.class, () -> UserAccount.parseAll("alice::user"));
        assertThrows(IllegalArgumentException.class, () -> UserAccount.parseAll(":pw:user"));
        assertThrows(IllegalArgumentException.class, () -> UserAccount.parseAll("a:b:c:d"));
        assertThrows(IllegalArgumentException.class, () -> UserAccount.parseAll("a:b,a:c"));
    }

    @Test
    void doesNotPrintPasswords() {
        assertFalse(UserAccount.parseAll("alice:hunter2:user").get("alice").toString().contains("hunter2"));
    }

    @Test
    void directoryVerifiesPasswords() {
        UserDirectory directory = new UserDirectory();
        directory.users = Optional.of("alice:pw:user");
        directory.load();
        assertTrue(directory.verify("alice", "pw").isPresent());
        assertTrue(directory.verify("alice", "PW").isEmpty());
        assertTrue(directory.verify("mallory", "pw").isEmpty());
        assertTrue(directory.verify(null, null).isEmpty());
    }
}
