package dev.ssenotify.web.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {

    @Test
    void ownOriginMatchesWithAndWithoutDefaultPort() {
        assertTrue(Origins.isSameOrigin("http://localhost:8080", "http", "localhost:8080"));
        assertTrue(Origins.isSameOrigin("http://Example.com", "http", "example.com:80"));
        assertTrue(Origins.isSameOrigin("https://example.com:443", "https", "example.com"));
        assertFalse(Origins.isSameOrigin("http://localhost:8081", "http", "localhost:8080"));
        assertFalse(Origins.isSameOrigin("https://localhost:8080", "http", "localhost:8080"));
        assertFalse(Origins.isSameOrigin("null", "http", "localhost:8080"));
        assertFalse(Origins.isSameOrigin("http://localhost:8080", "http", null));
    }

    @Test
    void onlyListedForeignOriginsAreAllowed() {
        Origins origins = new Origins(List.of("https://app.example.com", " http://localhost:3000 "));
        assertTrue(origins.isListed("https://app.example.com"));
        assertTrue(origins.isListed("https://app.example.com:443"));
        assertTrue(origins.isListed("http://localhost:3000"));
        assertFalse(origins.isListed("https://evil.example.com"));
        assertFalse(origins.isListed("https://app.example.com.evil.com"));
        assertFalse(origins.isListed("http://app.example.com"));
        assertFalse(origins.isListed("null"));
        assertFalse(origins.isListed("javascript:alert(1)"));
    }
}
