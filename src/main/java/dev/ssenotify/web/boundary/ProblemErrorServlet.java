package dev.ssenotify.web.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page behind {@code sendError} (WEB-INF/web.xml): writes the problem body the request carries,
 * or one built from the status, so that no error leaves as the container's HTML page.
 */
@WebServlet(urlPatterns = "/problem-error")
public class ProblemErrorServlet extends HttpServlet {

    static final String BODY = ProblemErrorServlet.class.getName() + ".body";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object body = request.getAttribute(BODY);
        Object status = request.getAttribute("jakarta.servlet.error.status_code");
        int code = status instanceof Integer value ? value : response.getStatus();
        String text = body instanceof String json ? json
                : Problems.json(code, (String) request.getAttribute("jakarta.servlet.error.message"), null);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(text);
    }
}
