/**
 * The demo's login: who the caller is, for the WAR as shipped (left out of the library jar).
 * <p>
 * One {@code HttpAuthenticationMechanism}: HTTP Basic on any request, or the user bound to the HTTP
 * session by {@code POST /api/auth/login}; nothing is required, so anonymous streams work. Users come from
 * {@code sse.auth.users} ({@code name:password:role|role,...}, empty by default); role {@code sse-admin}
 * may send to anyone. Failed logins, Basic included, are throttled per account and per address
 * ({@code sse.auth.login-rate.*}). An application with its own security drops this package: the rest only
 * reads the container's caller principal and roles.
 */
package dev.ssenotify.auth;
