package dev.ssenotify.stream.control;

import dev.ssenotify.notify.entity.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A stream admitted and primed (first frame, replay) whose writing has not begun: the JAX-RS runtime still
 * owns the response until its dispatch returns.
 */
public final class OpenStream {

    private final Connection connection;
    private final Delivery delivery;

    OpenStream(Connection connection, Delivery delivery) {
        this.connection = connection;
        this.delivery = delivery;
    }

    public ClientInfo info() {
        return connection.info();
    }

    /**
     * Hands the response to the stream's writer. Call on the request's thread after the runtime has
     * started the response and returned (a servlet filter around it).
     */
    public void begin(HttpServletRequest request, HttpServletResponse response) {
        delivery.begin(connection, request, response);
    }
}
