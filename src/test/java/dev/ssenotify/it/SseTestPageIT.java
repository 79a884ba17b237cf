package dev.ssenotify.it;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Chromium;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import static dev.ssenotify.it.StreamingIT.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The /sse-test page and the JS client in a real headless Chromium (Debian's chromium and chromedriver). */
@ExtendWith(ArquillianExtension.class)
class SseTestPageIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("sse.heartbeat.interval", "PT2S", "sse.reconnect.retry", "PT1S"));
    }

    @ArquillianResource
    URL base;

    private Chromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        chromium = new Chromium();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aPersonCanLogInConnectSendAndWatchEvents() {
        Api admin = Api.basic(base, "admin", "admin");
        browser.get(Api.toUri(base).resolve("sse-test/").toString());
        awaitText("status-text", "Connected");
        assertEquals("anonymous", text("me-user"));
        String anonymousClient = text("me-client");
        assertTrue(anonymousClient.length() >= 20, anonymousClient);

        login("alice", "alice");
        wait.until(d -> "alice".equals(text("me-user")));
        assertFalse(browser.findElement(By.id("login-form")).isDisplayed(), "the login form stays after login");
        assertTrue(browser.findElement(By.id("logout")).isDisplayed());
        awaitText("status-text", "Connected");
        wait.until(d -> !text("me-client").equals(anonymousClient) && text("me-client").length() >= 20);
        String sessionId = text("me-session");
        assertFalse(sessionId.isBlank() || sessionId.equals("none"), sessionId);

        // Sent from the page to the caller's own user: data that looks like HTML stays text.
        new Select(browser.findElement(By.id("send-target"))).selectByValue("user");
        setValue("send-event", "page-event");
        setValue("send-data", "{\"html\": \"<img src=x onerror=window.pwned=1>\", \"n\": 1}");
        browser.findElement(By.id("send-button")).click();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#event-log li[data-event='page-event']")));
        assertTrue(item.findElement(By.cssSelector("pre")).getText().contains("<img src=x onerror=window.pwned=1>"));
        assertTrue(browser.findElements(By.cssSelector("#event-log img")).isEmpty(), "data was rendered as HTML");
        assertEquals(Boolean.FALSE, js("return window.pwned === 1;"));
        assertTrue(item.getText().contains("id "), "the event id is shown");
        wait.until(d -> text("send-message").startsWith("Sent"));

        // Pushed by the server: newest first.
        send(admin, "{\"event\":\"server-push\",\"data\":{\"from\":\"admin\"},\"target\":\"user\",\"userId\":\"alice\"}", -1);
        wait.until(d -> "server-push".equals(firstLoggedEvent()));

        // A bad send shows the server's problem detail.
        setValue("send-event", "sse.reserved");
        js("document.getElementById('send-event').removeAttribute('pattern');");
        browser.findElement(By.id("send-button")).click();
        wait.until(d -> text("send-message").startsWith("400"));

        // Stats refresh by themselves.
        wait.until(d -> !browser.findElements(By.cssSelector("#stats-list dd[data-stat='totalClients']")).isEmpty());
        String uptime = text("stats-time");
        wait.until(d -> !text("stats-time").equals(uptime));

        // Disconnect really closes the request: the server sees the client go without any event being sent.
        String clientId = text("me-client");
        browser.findElement(By.id("disconnect")).click();
        awaitText("status-text", "Disconnected");
        StreamingIT.awaitTrue(() -> !Json.object(admin.get("api/test-support/client?id=" + clientId).body())
                .getBoolean("registered"), "the page's stream closed on the server");

        browser.findElement(By.id("connect")).click();
        awaitText("status-text", "Connected");

        screenshot("sse-test-desktop.png");
        browser.findElement(By.id("logout")).click();
        wait.until(d -> "anonymous".equals(text("me-user")));
    }

    @Test
    void anotherUsersBrowserDoesNotSeeTheEvent() {
        try (Chromium otherBrowser = new Chromium()) {
            ChromeDriver other = otherBrowser.driver();
            open(browser);
            login("alice", "alice");
            wait.until(d -> "alice".equals(text("me-user")));
            other.get(page());
            WebDriverWait otherWait = new WebDriverWait(other, WAIT);
            other.findElement(By.id("login-user")).sendKeys("bob");
            other.findElement(By.id("login-password")).sendKeys("bob");
            other.findElement(By.id("login")).click();
            otherWait.until(d -> "bob".equals(d.findElement(By.id("me-user")).getText()));
            otherWait.until(d -> "Connected".equals(d.findElement(By.id("status-text")).getText()));
            awaitText("status-text", "Connected");

            new Select(browser.findElement(By.id("send-target"))).selectByValue("user");
            setValue("send-event", "alice-only");
            setValue("send-data", "{\"secret\": true}");
            browser.findElement(By.id("send-button")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#event-log li[data-event='alice-only']")));

            // Everything meant for bob's stream arrives before this fence, in order.
            send(Api.basic(base, "admin", "admin"), "{\"event\":\"fence\",\"data\":1,\"target\":\"all\"}", -1);
            otherWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#event-log li[data-event='fence']")));
            assertTrue(other.findElements(By.cssSelector("#event-log li[data-event='alice-only']")).isEmpty(),
                    "bob's page shows alice's event");
        }
    }

    @Test
    void afterTheServerDropsTheStreamThePageReconnectsAndShowsNewEvents() {
        Api admin = Api.basic(base, "admin", "admin");
        open(browser);
        login("carol", "carol");
        wait.until(d -> "carol".equals(text("me-user")));
        awaitText("status-text", "Connected");
        wait.until(d -> text("me-client").length() >= 20);
        HttpResponse<String> before = admin.send("{\"event\":\"before-drop\",\"data\":1,\"target\":\"user\",\"userId\":\"carol\"}");
        String beforeId = Json.object(before.body()).getString("eventId");
        wait.until(d -> "before-drop".equals(firstLoggedEvent()));
        String firstClient = text("me-client");

        HttpResponse<String> dropped = admin.post("api/test-support/drop?target=user&id=carol", "application/json", "");
        assertTrue(Json.object(dropped.body()).getInt("closed") >= 1, dropped.body());
        wait.until(d -> {
            String client = text("me-client");
            return "Connected".equals(text("status-text")) && client.length() >= 20 && !client.equals(firstClient);
        });
        assertTrue(lastEventIds().contains(beforeId), "the reconnect carried Last-Event-ID " + beforeId);

        send(admin, "{\"event\":\"after-drop\",\"data\":2,\"target\":\"user\",\"userId\":\"carol\"}", -1);
        wait.until(d -> "after-drop".equals(firstLoggedEvent()));

        // Events sent while the page was away are replayed from its last id when it comes back.
        browser.findElement(By.id("disconnect")).click();
        awaitText("status-text", "Disconnected");
        send(admin, "{\"event\":\"while-away\",\"data\":3,\"target\":\"user\",\"userId\":\"carol\"}", -1);
        browser.findElement(By.id("connect")).click();
        awaitText("status-text", "Connected");
        wait.until(d -> "while-away".equals(firstLoggedEvent()));
        assertEquals(1, browser.findElements(By.cssSelector("#event-log li[data-event='after-drop']")).size(),
                "replay must not repeat what the page already had");
    }

    @Test
    void theBrowsersNativeEventSourceWorks() {
        Api admin = Api.basic(base, "admin", "admin");
        open(browser);
        js("window.nativeEs = { events: [], clients: [] };"
                + "const es = new EventSource('../api/sse');"
                + "es.addEventListener('sse.connected', e => window.nativeEs.clients.push(JSON.parse(e.data).clientId));"
                + "es.addEventListener('native-event', e => window.nativeEs.events.push({ data: JSON.parse(e.data), id: e.lastEventId }));"
                + "window.nativeSource = es;");
        wait.until(d -> ((Number) js("return window.nativeEs.clients.length;")).intValue() == 1);
        String firstClient = (String) js("return window.nativeEs.clients[0];");
        HttpResponse<String> sent = admin.send("{\"event\":\"native-event\",\"data\":{\"n\":1},"
                + "\"target\":\"client\",\"clientId\":\"" + firstClient + "\"}");
        assertEquals(1, Json.object(sent.body()).getInt("queued"), sent.body());
        String eventId = Json.object(sent.body()).getString("eventId");
        wait.until(d -> ((Number) js("return window.nativeEs.events.length;")).intValue() == 1);
        assertEquals(eventId, js("return window.nativeEs.events[0].id;"));
        assertEquals(1L, js("return window.nativeEs.events[0].data.n;"));

        admin.post("api/test-support/drop?target=client&id=" + firstClient, "application/json", "");
        wait.until(d -> ((Number) js("return window.nativeEs.clients.length;")).intValue() == 2);
        assertTrue(lastEventIds().contains(eventId), "EventSource reconnected with Last-Event-ID " + eventId);
        String secondClient = (String) js("return window.nativeEs.clients[1];");
        send(admin, "{\"event\":\"native-event\",\"data\":{\"n\":2},\"target\":\"client\",\"clientId\":\""
                + secondClient + "\"}", 1);
        wait.until(d -> ((Number) js("return window.nativeEs.events.length;")).intValue() == 2);
        js("window.nativeSource.close();");
    }

    private String page() {
        return Api.toUri(base).resolve("sse-test/").toString();
    }

    private void open(ChromeDriver driver) {
        driver.get(page());
        new WebDriverWait(driver, WAIT).until(d -> "Connected".equals(d.findElement(By.id("status-text")).getText()));
    }

    private List<String> lastEventIds() {
        HttpResponse<String> ids = Api.basic(base, "admin", "admin").get("api/test-support/last-event-ids");
        return Json.value(ids.body()).asJsonArray().getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePageFitsAPhone() throws IOException {
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(Api.toUri(base).resolve("sse-test/").toString());
        awaitText("status-text", "Connected");
        Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).intValue() <= 0, "horizontal scroll at phone width: " + overflow);
        for (String id : List.of("login-form", "send-form", "event-log", "stats-list")) {
            WebElement element = browser.findElement(By.id(id));
            assertTrue(element.getRect().getX() >= 0 && element.getRect().getX() + element.getRect().getWidth() <= 375,
                    id + " does not fit");
        }
        screenshot("sse-test-phone.png");
    }

    private void login(String user, String password) {
        setValue("login-user", user);
        setValue("login-password", password);
        browser.findElement(By.id("login")).click();
    }

    private void setValue(String id, String value) {
        WebElement element = browser.findElement(By.id(id));
        element.clear();
        element.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void awaitText(String id, String expected) {
        wait.until(d -> expected.equals(text(id)));
    }

    private String firstLoggedEvent() {
        List<WebElement> items = browser.findElements(By.cssSelector("#event-log li"));
        return items.isEmpty() ? null : items.get(0).getAttribute("data-event");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
