package dev.ssenotify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ssenotify.it.support.Api;
import dev.ssenotify.it.support.Chromium;
import dev.ssenotify.it.support.Deployments;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /examples/uploads/ page (React, served from the WAR) in a real headless Chromium: uploads with live
 * progress, a cancel, and the notification a signed Mux webhook sends; on a desktop and on a phone-size screen.
 */
@ExtendWith(ArquillianExtension.class)
class ExamplePageIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "test-secret";
    private static final int PHONE_WIDTH = 390;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war(Map.of("sse.uploads.step", "PT0.2S", "sse.webhooks.mux.secret", SECRET));
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
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(50));
        // React may replace a list item between finding it and reading it: the next poll finds the new one.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aUserWatchesUploadsCancelsOneAndIsToldWhenTheVideoIsReady() {
        open();
        assertReactCameFromTheWar();
        login("alice");

        // Every progress value a bar shows, recorded in the page, so the test sees the steps between 0 and 100.
        js("window.progressSeen = {};"
                + "new MutationObserver(() => document.querySelectorAll('#upload-list li').forEach(li => {"
                + "  const seen = window.progressSeen[li.dataset.uploadId] ??= [];"
                + "  if (seen.at(-1) !== li.dataset.progress) seen.push(li.dataset.progress);"
                + "})).observe(document.getElementById('upload-list'), { subtree: true, childList: true, attributes: true });");
        startUpload("keep.mp4");
        startUpload("drop.mp4");
        WebElement drop = upload("drop.mp4");
        drop.findElement(By.cssSelector("button.cancel")).click();
        wait.until(d -> "cancelled".equals(status("drop.mp4")));
        assertTrue(upload("drop.mp4").getText().contains("cancelled"), upload("drop.mp4").getText());
        assertTrue(upload("drop.mp4").findElements(By.cssSelector("button.cancel")).isEmpty(), "a cancelled upload keeps its Cancel button");

        wait.until(d -> "complete".equals(status("keep.mp4")));
        WebElement kept = upload("keep.mp4");
        assertEquals("100", kept.getAttribute("data-progress"));
        assertEquals("100", kept.findElement(By.cssSelector("[role=progressbar]")).getAttribute("aria-valuenow"));
        @SuppressWarnings("unchecked")
        List<String> steps = (List<String>) js("return window.progressSeen[arguments[0]];", kept.getAttribute("data-upload-id"));
        assertTrue(steps.stream().mapToInt(Integer::parseInt).anyMatch(p -> p > 0 && p < 100), "no live progress: " + steps);

        // The snippet the page shows names this server and the signed-in user.
        String snippet = snippet();
        assertTrue(snippet.contains(Api.toUri(base).resolve("api/webhooks/mux").toString()), snippet);
        assertTrue(snippet.contains("\"passthrough\":\"alice\""), snippet);

        HttpResponse<String> posted = postWebhook("alice", "asset-it-1", "pb-it-1");
        assertTrue(posted.statusCode() / 100 == 2, posted.statusCode() + " " + posted.body());
        WebElement note = wait.until(d -> first(By.cssSelector("#notification-list li[data-event='video-ready'][data-video-id='asset-it-1']")));
        WebElement link = note.findElement(By.cssSelector("a.playback"));
        assertEquals("https://stream.mux.com/pb-it-1.m3u8", link.getText());
        assertEquals("https://stream.mux.com/pb-it-1.m3u8", link.getAttribute("href"));
        screenshot("examples-uploads-desktop.png");

        // A reload rebuilds the list from GET /api/uploads.
        browser.navigate().refresh();
        wait.until(d -> "alice".equals(text("me-user")));
        wait.until(d -> "complete".equals(status("keep.mp4"))
                && "cancelled".equals(status("drop.mp4")));

        browser.findElement(By.id("logout")).click();
        wait.until(d -> first(By.id("login-form")) != null);
        assertTrue(browser.findElements(By.id("upload-list")).isEmpty(), "the uploads stay after logout");
    }

    @Test
    void theShownCurlCommandPostsAWebhookTheServerAccepts() throws Exception {
        // .ci/run installs them; a machine without them fails here rather than skipping the check.
        assertTrue(onPath("openssl") && onPath("curl") && onPath("sh"), "the snippet needs openssl, curl and sh");
        open();
        login("carol");
        WebElement secret = browser.findElement(By.id("webhook-secret"));
        secret.sendKeys(Keys.chord(Keys.CONTROL, "a"), SECRET);
        wait.until(d -> snippet().contains("-hmac 'test-secret'"));

        Process shell = new ProcessBuilder("sh", "-c", snippet()).redirectErrorStream(true).start();
        assertTrue(shell.waitFor(20, TimeUnit.SECONDS), "the snippet did not finish");
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, shell.exitValue(), output);
        wait.until(d -> first(By.cssSelector("#notification-list li[data-event='video-ready'][data-video-id='asset-1']")) != null);
    }

    @Test
    void thePageFitsAPhone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        open();
        assertNoHorizontalScroll();
        login("bob");
        startUpload("phone-video-with-a-rather-long-name-that-has-to-wrap.mp4");
        wait.until(d -> "complete".equals(status("phone-video-with-a-rather-long-name-that-has-to-wrap.mp4")));
        assertTrue(postWebhook("bob", "asset-phone", "pb-phone").statusCode() / 100 == 2);
        wait.until(d -> first(By.cssSelector("#notification-list li[data-video-id='asset-phone']")) != null);

        assertNoHorizontalScroll();
        for (WebElement button : browser.findElements(By.cssSelector("button, input"))) {
            if (button.isDisplayed() && !"checkbox".equals(button.getAttribute("type"))) {
                assertTrue(button.getRect().getHeight() >= 44, "too small to touch: " + button.getAttribute("outerHTML"));
            }
        }
        screenshot("examples-uploads-phone.png");
        js("document.getElementById('webhook').scrollIntoView();");
        screenshot("examples-uploads-phone-webhook.png");
    }

    private void assertNoHorizontalScroll() {
        Number scroll = (Number) js("return document.documentElement.scrollWidth;");
        Number client = (Number) js("return document.documentElement.clientWidth;");
        assertEquals(PHONE_WIDTH, client.intValue(), "the viewport is not phone-size");
        assertTrue(scroll.intValue() <= client.intValue(), "horizontal scroll at phone width: " + scroll + " > " + client);
    }

    private void assertReactCameFromTheWar() {
        String origin = (String) js("return location.origin;");
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
        assertTrue(loaded.stream().anyMatch(url -> url.endsWith("/examples/vendor/react-bundle.js")), loaded.toString());
        assertTrue(loaded.stream().allMatch(url -> url.startsWith(origin + "/")), "fetched from elsewhere: " + loaded);
    }

    private HttpResponse<String> postWebhook(String user, String assetId, String playbackId) {
        String body = "{\"type\":\"video.asset.ready\",\"id\":\"evt-" + assetId + "-" + System.nanoTime() + "\","
                + "\"data\":{\"id\":\"" + assetId + "\",\"status\":\"ready\",\"passthrough\":\"" + user + "\","
                + "\"playback_ids\":[{\"id\":\"" + playbackId + "\",\"policy\":\"public\"}]}}";
        long t = Instant.now().getEpochSecond();
        return Api.anonymous(base).with("Mux-Signature", "t=" + t + ",v1=" + hmac(t + "." + body))
                .postJson("api/webhooks/mux", body);
    }

    private static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void open() {
        URI page = Api.toUri(base).resolve("examples/uploads/");
        browser.get(page.toString());
        // Rendered by React: the form is not in the HTML the server sends.
        wait.until(d -> first(By.id("login-form")) != null);
    }

    private void login(String user) {
        browser.findElement(By.id("login-user")).sendKeys(user);
        browser.findElement(By.id("login-password")).sendKeys(user);
        browser.findElement(By.id("login")).click();
        wait.until(d -> first(By.id("me-user")) != null && user.equals(text("me-user")));
        wait.until(d -> "Live".equals(text("status-text")));
    }

    private void startUpload(String fileName) {
        WebElement name = browser.findElement(By.id("upload-name"));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), fileName);
        browser.findElement(By.id("upload-start")).click();
        wait.until(d -> upload(fileName) != null);
    }

    /** The list item of the upload with this file name, or null. */
    private WebElement upload(String fileName) {
        for (WebElement item : browser.findElements(By.cssSelector("#upload-list li"))) {
            if (fileName.equals(item.findElement(By.cssSelector(".file")).getText())) {
                return item;
            }
        }
        return null;
    }

    /** The data-status of the upload with this file name, or null while the page does not list it. */
    private String status(String fileName) {
        WebElement item = upload(fileName);
        return item == null ? null : item.getAttribute("data-status");
    }

    private WebElement first(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? null : found.get(0);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** The shell snippet as copied (textContent: the screen may wrap its lines). */
    private String snippet() {
        return (String) js("return document.getElementById('webhook-snippet').textContent;");
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
