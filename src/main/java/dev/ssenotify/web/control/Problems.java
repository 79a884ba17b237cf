package dev.ssenotify.web.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * Builds {@code application/problem+json} bodies: {@code type}, {@code title}, {@code status}, {@code detail}.
 * Details are plain text chosen by the server; user input is echoed only inside JSON strings.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response.ResponseBuilder response(Response.StatusType status, String detail) {
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(json(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    public static Response.ResponseBuilder response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(json(status, title, detail));
    }

    public static String json(int status, String title, String detail) {
        JsonObjectBuilder body = Jsonp.object()
                .add("type", "about:blank")
                .add("title", title == null ? "Error" : title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        return body.build().toString();
    }
}
