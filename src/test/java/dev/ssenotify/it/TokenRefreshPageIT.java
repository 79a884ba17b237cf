package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Chromium;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Tokens;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The JS client's {@code getToken()} in a real Chromium: a stream whose token expires is closed by the server,
 * the client comes back, finds its cached token refused, asks for a fresh one and carries on.
 */
@ExtendWith(ArquillianExtension.class)
class TokenRefreshPageIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Tokens TOKENS = new Tokens();

    /** A page like an app's: getToken caches its token and fetches another only when asked to refresh. */
    private static final String PAGE = """
            <!doctype html><meta charset="utf-8"><title>token refresh</title>
            <script type="module">
              import { createSseClient } from "../js/sse-client.js";
              window.tokens = [];
              window.asks = [];
              window.connects = [];
              window.events = [];
              let cached = null;
              window.sse = createSseClient({
                url: "../api/sse",
                retryMs: 200,
                getToken: async ({ refresh }) => {
                  window.asks.push(refresh);
                  if (!cached || refresh) cached = window.tokens.shift() ?? null;
                  return cached;
                },
                autoConnect: false,
                onConnect: (info) => window.connects.push(info.userId),
                onMessage: (event) => window.events.push(event.event),
              });
            </script>
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of(
                        "mp.jwt.verify.publickey", TOKENS.jwks(),
                        "mp.jwt.verify.issuer", Tokens.ISSUER,
                        "sse.reconnect.retry", "PT0.2S"))
                .addAsWebResource(new StringAsset(PAGE), "token-refresh/index.html");
    }

    @ArquillianResource
    URL base;

    @Test
    void anExpiredTokenIsRefreshedAcrossTheReconnect() {
        String shortLived = TOKENS.rs256(Tokens.claims("jwt-page")
                .expirationTime(Date.from(Instant.now().plusSeconds(5))));
        String fresh = TOKENS.rs256("jwt-page");
        try (Chromium chromium = new Chromium()) {
            ChromeDriver browser = chromium.driver();
            browser.get(Api.toUri(base).resolve("token-refresh/").toString());
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(d -> script(d, "return typeof window.sse === 'object'"));
            script(browser, "window.tokens.push(arguments[0], arguments[1]); window.sse.connect(); return true;",
                    shortLived, fresh);
            wait.until(d -> count(d, "connects") == 1);

            // The server closes the stream at expiry; the reconnect with the cached token gets 401, the fresh one works.
            wait.until(d -> count(d, "connects") == 2);
            assertEquals(List.of("jwt-page", "jwt-page"), script(browser, "return window.connects"));
            assertTrue(((List<?>) script(browser, "return window.asks")).contains(true),
                    "getToken was asked to refresh: " + script(browser, "return window.asks"));

            HttpResponse<String> sent = Api.anonymous(base)
                    .with("Authorization", "Bearer " + TOKENS.rs256("backend", "sse-publisher"))
                    .postJson("api/events", "{\"target\":\"user\",\"userId\":\"jwt-page\",\"event\":\"after-refresh\",\"data\":1}");
            assertEquals(202, sent.statusCode(), sent.body());
            wait.until(d -> ((List<?>) script(d, "return window.events")).contains("after-refresh"));
        }
    }

    private static Object script(org.openqa.selenium.WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static long count(org.openqa.selenium.WebDriver driver, String list) {
        return (Long) script(driver, "return window." + list + ".length");
    }
}
