/**
 * Who the caller is.
 * <p>
 * One {@code HttpAuthenticationMechanism}: HTTP Basic on any request, or the user bound to the HTTP
 * session by {@code POST /api/auth/login}; nothing is required, so anonymous streams work. Users come from
 * {@code sse.auth.users} ({@code name:password:role|role,...}, empty by default); role {@code sse-admin}
 * may send to anyone. The session id events target is a random id stored in the HTTP session, never the
 * container's session cookie value. An application with its own security can drop this mechanism: the
 * rest only reads the container's caller principal and roles.
 */
package dev.ssenotify.auth;
