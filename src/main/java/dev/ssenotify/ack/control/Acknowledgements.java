package dev.ssenotify.ack.control;

import dev.ssenotify.log.control.EventIds;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.EventAcknowledged;
import dev.ssenotify.offline.control.Inboxes;
import dev.ssenotify.stream.control.Connection;
import dev.ssenotify.stream.control.ConnectionRegistry;
import dev.ssenotify.telemetry.control.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Client acknowledgements: everything up to the acknowledged id counts as handled for the caller's user
 * and session, which moves their offline cursors and completes waiting receipts. A caller may acknowledge
 * an event it could have received (its user's, its session's, a broadcast it sees, one for its own open
 * connection) or one it already acknowledged; every other id, malformed, unknown or someone else's, gets the
 * one same answer, so that acks cannot be used to tell other people's ids apart.
 */
@ApplicationScoped
public class Acknowledgements {

    public enum Outcome { ACKNOWLEDGED, NOT_ACKABLE }

    @Inject
    EventLog log;
    @Inject
    Inboxes inboxes;
    @Inject
    Telemetry telemetry;
    @Inject
    Event<EventAcknowledged> acknowledged;
    @Inject
    ConnectionRegistry registry;

    public Outcome acknowledge(String userId, String sessionId, String lastEventId) {
        EventIds.Parsed parsed = log.parse(lastEventId);
        if (!(parsed instanceof EventIds.Known known) || known.sequence() > log.head()) {
            return Outcome.NOT_ACKABLE;
        }
        long sequence = known.sequence();
        LoggedEvent event = log.find(sequence);
        boolean ackable = event != null
                ? mayAcknowledge(event, userId, sessionId)
                // Gone from the log: still the caller's to ack while its own queue holds it or has passed it.
                : inboxes.knows(userId, sessionId, sequence);
        if (!ackable) {
            return Outcome.NOT_ACKABLE;
        }
        inboxes.acknowledged(userId, sessionId, known.sequence());
        telemetry.ack();
        acknowledged.fireAsync(new EventAcknowledged(userId, sessionId, lastEventId));
        return Outcome.ACKNOWLEDGED;
    }

    private boolean mayAcknowledge(LoggedEvent event, String userId, String sessionId) {
        if (event.replayableTo(userId, sessionId)) {
            return true;
        }
        // Otherwise only one's own open connection's events (a client target): the connection names its owner.
        // Only through an index: an anonymous caller must not make the server look at every connection.
        return event.target().indexKey() != null && registry.select(event.target()).stream()
                .map(Connection::info)
                .anyMatch(owner -> (userId != null && userId.equals(owner.userId()))
                        || (sessionId != null && sessionId.equals(owner.sessionId())));
    }
}
