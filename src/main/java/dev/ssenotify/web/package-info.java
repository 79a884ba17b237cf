/**
 * HTTP rules shared by every endpoint: errors as {@code application/problem+json} with no stack trace;
 * JSON bodies read with bounds and strict media types; foreign {@code Origin}s refused on state-changing
 * requests unless listed in {@code sse.cors.allowed-origins}, which also drives CORS with credentials.
 */
package dev.ssenotify.web;
