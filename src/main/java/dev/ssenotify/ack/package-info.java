/**
 * Client acknowledgements: {@code POST /api/sse/ack} moves the caller's offline cursors up to an event and
 * completes the receipts waiting for it ({@code sse.delivery.ack=client}). Every id that is not the caller's
 * to acknowledge gets the same 400, so acks cannot be used to probe other people's ids.
 */
package dev.ssenotify.ack;
