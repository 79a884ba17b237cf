/**
 * Who the caller is, for production: JWTs from the application's own identity provider and static API keys
 * for backends, verified in the WAR so every server behaves the same (docs/identity.md).
 * <p>
 * One Jakarta Security mechanism ({@code TokenAuthentication}): a bearer token in {@code mp.jwt.token.header}
 * (default {@code Authorization}), else the cookie {@code mp.jwt.token.cookie}; an API key from
 * {@code sse.publish.api-keys} ({@code [name=]sha256:<hex>}) is tried first, then the token as a JWT (RS256 or
 * ES256 by {@code mp.jwt.verify.publickey} or {@code .location}; {@code exp} required; {@code iss},
 * {@code aud} as configured; {@code mp.jwt.verify.clock.skew}). {@code upn}, else {@code preferred_username},
 * else {@code sub} is the user, {@code groups} the roles; the expiry and {@code sse_subscribe} go to the
 * endpoints as {@code CallerClaims}. Without a token, other {@code CredentialCheck}s (the demo login) look.
 * A refused credential is noted ({@code AuthenticationFailure}) and answered 401 by the endpoint.
 * <p>
 * The mechanism is installed only when one of {@code mp.jwt.verify.publickey(.location)},
 * {@code sse.publish.api-keys}, {@code sse.auth.users} is set ({@code IdentitySwitch}); otherwise the host's own
 * mechanism, if any, names the caller.
 */
package dev.ssenotify.identity;
