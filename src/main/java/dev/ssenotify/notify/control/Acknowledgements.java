package dev.ssenotify.notify.control;

import dev.ssenotify.notify.entity.EventAcknowledged;
import dev.ssenotify.notify.entity.SseTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Client acknowledgements: everything up to the acknowledged id counts as handled for the caller's user
 * and session, which moves their offline cursors and completes waiting receipts.
 */
@ApplicationScoped
public class Acknowledgements {

    public enum Outcome { ACKNOWLEDGED, NOT_OWN, UNKNOWN }

    @Inject
    EventLog log;
    @Inject
    Inboxes inboxes;
    @Inject
    Telemetry telemetry;
    @Inject
    Event<EventAcknowledged> acknowledged;

    public Outcome acknowledge(String userId, String sessionId, String lastEventId) {
        EventIds.Parsed parsed = log.parse(lastEventId);
        if (!(parsed instanceof EventIds.Known known) || known.sequence() > log.head()) {
            return Outcome.UNKNOWN;
        }
        LoggedEvent event = log.find(known.sequence());
        // A client's own connection event is its to acknowledge; moving one's own cursor harms nobody.
        if (event != null && !(event.target() instanceof SseTarget.Client) && !event.replayableTo(userId, sessionId)) {
            return Outcome.NOT_OWN;
        }
        inboxes.acknowledged(userId, sessionId, known.sequence());
        telemetry.ack();
        acknowledged.fireAsync(new EventAcknowledged(userId, sessionId, lastEventId));
        return Outcome.ACKNOWLEDGED;
    }
}
