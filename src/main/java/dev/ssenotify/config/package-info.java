/**
 * The {@code sse.*} settings every feature reads (MicroProfile Config), checked once at startup. Cluster,
 * web and rate-limit settings are read by their own packages.
 */
package dev.ssenotify.config;
