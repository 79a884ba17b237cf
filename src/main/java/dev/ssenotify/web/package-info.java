/**
 * HTTP rules shared by every endpoint: errors as {@code application/problem+json} with no stack trace;
 * request bodies read without a thread within {@code sse.http.body-timeout}, bounded, as strict JSON of a
 * JSON media type; foreign {@code Origin}s refused on state-changing requests and on opening a stream unless
 * listed in {@code sse.cors.allowed-origins}, which also drives CORS with credentials ({@code sse.public-origin}
 * names the server's own origin behind a proxy); the session cookie {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} on HTTPS or with {@code sse.cookie.secure}; the opaque session ids events target, kept in
 * the HTTP session and never the cookie's value. The roles a caller holds are read on the request's own
 * thread before a late body: {@code Roles}' constants and those other features name ({@code AskedRoles}).
 */
package dev.ssenotify.web;
