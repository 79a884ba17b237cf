package dev.ssenotify.topics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ssenotify.notify.entity.TopicPattern;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may subscribe to what: public patterns, role mappings, the token's claim, administrators. */
class TopicPolicyTest {

    private final TopicPolicy policy = new TopicPolicy(patterns("news/**", "status"),
            Map.of("user", patterns("orders/*"), "ops", patterns("metrics/**", "orders/**")));

    private static List<TopicPattern> patterns(String... texts) {
        return Arrays.stream(texts).map(TopicPattern::parse).toList();
    }

    private static TopicPolicy.Caller inRoles(String... roles) {
        return new TopicPolicy.Caller(false, Set.of(roles)::contains, List.of());
    }

    private String refused(TopicPolicy.Caller caller, String... requested) {
        TopicPattern refused = policy.refused(patterns(requested), caller);
        return refused == null ? null : refused.text();
    }

    @Test
    void publicPatternsAreOpenToAnonymousCallersWithinWhatTheyCover() {
        TopicPolicy.Caller anonymous = TopicPolicy.Caller.anonymous();
        assertNull(refused(anonymous, "news/eu/x", "news/*", "news/**", "news", "status"));
        assertEquals("status/x", refused(anonymous, "news/eu", "status/x"));
        assertEquals("**", refused(anonymous, "**"));
        assertEquals("orders/42", refused(anonymous, "orders/42"), "role topics are not public");
    }

    @Test
    void aRoleGrantsItsPatternsToItsMembersOnly() {
        assertNull(refused(inRoles("user"), "orders/42", "orders/*", "news/x"));
        assertEquals("orders/**", refused(inRoles("user"), "orders/**"), "orders/* does not cover orders/**");
        assertEquals("orders/42/items", refused(inRoles("user"), "orders/42/items"));
        assertNull(refused(inRoles("ops"), "orders/42/items", "metrics/cpu"));
        assertNull(refused(inRoles("user", "ops"), "orders/**", "metrics/*"));
        assertEquals("orders/42", refused(inRoles("guest"), "orders/42"));
        assertEquals(Set.of("user", "ops"), policy.roles());
    }

    @Test
    void theTokensClaimGrantsItsPatternsAndAMalformedOneGrantsNothing() {
        TopicPolicy.Caller claimed = new TopicPolicy.Caller(false, role -> false,
                List.of("users/alice/**", "not a pattern", "**/x//"));
        assertNull(refused(claimed, "users/alice", "users/alice/inbox/*"));
        assertEquals("users/bob", refused(claimed, "users/bob"));
        assertEquals("x", refused(claimed, "x"));
    }

    @Test
    void anAdministratorMaySubscribeToAnything() {
        TopicPolicy.Caller admin = new TopicPolicy.Caller(true, role -> false, List.of());
        assertNull(refused(admin, "**", "orders/42", "anything/at/all"));
    }

    @Test
    void nothingRequestedIsNothingRefusedAndWithoutGrantsOnlyAdminsSubscribe() {
        assertNull(refused(TopicPolicy.Caller.anonymous()));
        TopicPolicy closed = new TopicPolicy(List.of(), Map.of());
        assertEquals("a", closed.refused(patterns("a"), inRoles("user")).text());
        assertNull(closed.refused(patterns("a"), new TopicPolicy.Caller(true, r -> false, List.of())));
    }
}
