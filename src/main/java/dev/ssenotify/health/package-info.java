/**
 * MicroProfile Health: live while heartbeats keep firing, ready while new streams are accepted.
 */
package dev.ssenotify.health;
