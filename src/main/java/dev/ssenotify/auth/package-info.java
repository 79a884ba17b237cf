/**
 * The demo's login, for demos only: who the caller is in the WAR as shipped for trying it out (left out of the
 * library jar).
 * <p>
 * A {@code CredentialCheck} of the identity mechanism: HTTP Basic on any request, or the user bound to the HTTP
 * session by {@code POST /api/auth/login}. Users come from {@code sse.auth.users}
 * ({@code name:password:role|role,...}, plaintext, empty by default); while it is empty the check does nothing
 * and the login answers 404. Role {@code sse-admin} may send to anyone. Failed logins, Basic included, are
 * throttled per account and per address ({@code sse.auth.login-rate.*}). Production identifies callers with
 * JWTs ({@code identity}) or the host's own mechanism instead.
 */
package dev.ssenotify.auth;
