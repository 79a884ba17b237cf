package dev.ssenotify.it;

import static dev.ssenotify.it.StreamingIT.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Deployments;
import dev.ssenotify.it.support.Json;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The /sse-test page and the JS client in a real headless Chromium (Debian's chromium and chromedriver). */
@ExtendWith(ArquillianExtension.class)
class SseTestPageIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("sse.heartbeat.interval", "PT2S"));
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private Path profile;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("sse-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
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

        browser.findElement(By.id("logout")).click();
        wait.until(d -> "anonymous".equals(text("me-user")));
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
        Path shot = Path.of("target", "screenshots");
        Files.createDirectories(shot);
        Files.write(shot.resolve("sse-test-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
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
