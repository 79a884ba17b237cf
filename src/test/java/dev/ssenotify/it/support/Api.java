package dev.ssenotify.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** HTTP calls against the deployed app, as a given caller. */
public final class Api {

    private final URI base;
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** An anonymous caller without cookies. */
    public static Api anonymous(URL base) {
        return new Api(toUri(base), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** A caller sending HTTP Basic credentials. */
    public static Api basic(URL base, String user, String password) {
        Api api = anonymous(base);
        api.headers.put("Authorization", basicHeader(user, password));
        return api;
    }

    /** A caller that keeps cookies, like a browser. */
    public static Api browser(URL base) {
        return new Api(toUri(base), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build());
    }

    public static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The injected URL names the machine's own network address; the server listens on every interface, so
     * tests talk to it over loopback.
     */
    public static URI toUri(URL base) {
        String path = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return URI.create("http://127.0.0.1:" + base.getPort() + path);
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** The server root, for {@code /health} and {@code /metrics}, which live outside the context root. */
    public URI root(String path) {
        return base.resolve(path);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Api with(String header, String value) {
        Api copy = new Api(base, client);
        copy.headers.putAll(headers);
        copy.headers.put(header, value);
        return copy;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> getRoot(String path) {
        return send(HttpRequest.newBuilder(root(path)).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        request.timeout(Duration.ofSeconds(30));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code /api/sse} as this caller (its credentials and cookies) and waits for {@code sse.connected}. */
    public SseStream stream() {
        return SseStream.connect(uri("api/sse"), streamHeaders());
    }

    /** Opens {@code /api/sse} with a query ({@code ?topic=news/*}) as this caller and waits for {@code sse.connected}. */
    public SseStream stream(String query) {
        return SseStream.connect(uri("api/sse" + query), streamHeaders());
    }

    /** Opens {@code /api/sse} with a query as this caller without waiting, for status checks. */
    public SseStream tryStream(String query) {
        return SseStream.open(uri("api/sse" + query), streamHeaders());
    }

    /** Opens {@code /api/sse} as this caller without waiting, for status checks. */
    public SseStream tryStream() {
        return SseStream.open(uri("api/sse"), streamHeaders());
    }

    private Map<String, String> streamHeaders() {
        Map<String, String> out = new LinkedHashMap<>(headers);
        client.cookieHandler().ifPresent(handler -> {
            try {
                handler.get(uri("api/sse"), Map.of()).forEach((name, values) -> {
                    if (!values.isEmpty()) {
                        out.put(name, String.join("; ", values));
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return out;
    }

    /** GETs a path under {@code /api} that must answer 200 with a JSON object, and returns the object. */
    public jakarta.json.JsonObject json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.object(response.body());
    }

    /** Sends a test event through {@code POST /api/sse-test}. */
    public HttpResponse<String> send(String json) {
        return postJson("api/sse-test", json);
    }
}
