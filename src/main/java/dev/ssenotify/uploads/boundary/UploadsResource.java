package dev.ssenotify.uploads.boundary;

import dev.ssenotify.uploads.control.UploadJobs;
import dev.ssenotify.uploads.control.UploadLimitException;
import dev.ssenotify.uploads.control.UploadSettings;
import dev.ssenotify.uploads.entity.Upload;
import dev.ssenotify.web.control.JsonBodies;
import dev.ssenotify.web.control.Jsonp;
import dev.ssenotify.web.control.ProblemException;
import dev.ssenotify.web.control.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;

/**
 * The demo processing pipeline of the original design: {@code POST /api/uploads} ({@code {"fileName"?,
 * "failAtPercent"?}}) starts a job for the signed-in caller (202), {@code GET /api/uploads} lists the caller's
 * jobs, {@code DELETE /api/uploads/{id}} cancels one (202; 404 unknown or someone else's; 409 already ended).
 * The progress reaches the caller as events ({@link UploadJobs}). 404 unless {@code sse.uploads.enabled}.
 */
@Path("uploads")
// One instance, no request scope: the body arrives on a dispatch of its own (BodyReadFilter).
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    private static final int MAX_BODY_BYTES = 4096;
    private static final int MAX_FILE_NAME = 200;

    @Inject
    UploadJobs jobs;
    @Inject
    UploadSettings settings;

    @POST
    public Response start(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body,
                          @Context HttpServletRequest request) {
        String user = caller(request);
        JsonObject json = JsonBodies.readObject(type, body, MAX_BODY_BYTES);
        String fileName = JsonBodies.optionalString(json, "fileName");
        if (fileName == null || fileName.isBlank()) {
            fileName = "upload";
        }
        if (fileName.length() > MAX_FILE_NAME || fileName.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("'fileName' must be at most " + MAX_FILE_NAME
                    + " characters, without control characters");
        }
        try {
            Upload upload = jobs.start(user, fileName, failAt(json.get("failAtPercent")));
            return Response.accepted(json(upload)).header(HttpHeaders.LOCATION, "uploads/" + upload.uploadId()).build();
        } catch (UploadLimitException e) {
            Response.StatusType status = e.perUser() ? Response.Status.TOO_MANY_REQUESTS : Response.Status.SERVICE_UNAVAILABLE;
            throw new ProblemException(Problems.response(status, e.getMessage()).header(HttpHeaders.RETRY_AFTER, 5).build());
        }
    }

    @GET
    public JsonValue list(@Context HttpServletRequest request) {
        List<Upload> mine = jobs.list(caller(request));
        JsonArrayBuilder out = Jsonp.array();
        mine.forEach(upload -> out.add(json(upload)));
        return out.build();
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id, @Context HttpServletRequest request) {
        Upload upload = jobs.cancel(caller(request), id)
                .orElseThrow(() -> ProblemException.notFound("no upload " + (id.length() > 40 ? "with that id" : id)));
        if (!"cancelled".equals(upload.status())) {
            throw new ProblemException(Response.Status.CONFLICT, "the upload has ended already: " + upload.status());
        }
        return Response.accepted(json(upload)).build();
    }

    private String caller(HttpServletRequest request) {
        if (!settings.enabled()) {
            throw ProblemException.notFound("the upload demo is off (sse.uploads.enabled=false)");
        }
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            throw ProblemException.unauthorized("sign in to start uploads");
        }
        return principal.getName();
    }

    private static Integer failAt(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.intValue() < 1
                || number.intValue() > 100) {
            throw ProblemException.badRequest("'failAtPercent' must be a whole number from 1 to 100");
        }
        return number.intValue();
    }

    private static JsonObject json(Upload upload) {
        return Jsonp.object()
                .add("uploadId", upload.uploadId())
                .add("fileName", upload.fileName())
                .add("progress", upload.progress())
                .add("status", upload.status())
                .build();
    }
}
