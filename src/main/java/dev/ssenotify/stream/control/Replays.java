package dev.ssenotify.stream.control;

import dev.ssenotify.log.control.EventIds;
import dev.ssenotify.log.control.EventLog;
import dev.ssenotify.log.control.LoggedEvent;
import dev.ssenotify.notify.entity.ClientInfo;
import dev.ssenotify.notify.entity.Topics;
import dev.ssenotify.offline.control.Inbox;
import dev.ssenotify.offline.control.Inboxes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeMap;

/**
 * Decides what a new stream gets before live events: with a {@code Last-Event-ID}, every logged event
 * after it that this connection may see (its user's, its session's, its topics' as of now); without one, a user's (or session's) first stream gets its
 * offline queue after the acknowledged cursor. When events may have been missed, an {@code sse.gap}
 * goes first.
 */
@ApplicationScoped
public class Replays {

    /**
     * The frames a new stream starts with: an optional gap, then the events, in order; {@code resumeFrom}
     * is the sequence a client cut before any of them comes back from, the id its first frame carries.
     */
    record Plan(Gap gap, List<LoggedEvent> events, long resumeFrom) {
        /** Resumes from just before the first event, or from {@code otherwise} when there is none. */
        static Plan of(Gap gap, List<LoggedEvent> events, long otherwise) {
            long resumeFrom = events.isEmpty() ? otherwise : Math.min(otherwise, events.get(0).sequence() - 1);
            return new Plan(gap, events, resumeFrom);
        }
    }

    /** Why events may have been missed, and the oldest id the log still holds (null when empty). */
    record Gap(String reason, String oldestId) {
    }

    private final EventLog log;
    private final Inboxes inboxes;

    @Inject
    Replays(EventLog log, Inboxes inboxes) {
        this.log = log;
        this.inboxes = inboxes;
    }

    /** For the container's proxy. */
    protected Replays() {
        this(null, null);
    }

    Plan plan(ClientInfo client, String lastEventId, long head, boolean firstOfItsOwner) {
        return plan(client, Topics.NONE, lastEventId, head, firstOfItsOwner);
    }

    /** The plan of a stream subscribed to these topics: logged events for them are replayed too. */
    Plan plan(ClientInfo client, Topics topics, String lastEventId, long head, boolean firstOfItsOwner) {
        try {
            return planFromStores(client, topics, lastEventId, head, firstOfItsOwner);
        } catch (IllegalStateException e) {
            // The shared log is unreachable: the stream still opens, and says it may have missed events.
            return Plan.of(new Gap("unavailable", null), List.of(), head);
        }
    }

    private Plan planFromStores(ClientInfo client, Topics topics, String lastEventId, long head,
                                boolean firstOfItsOwner) {
        String user = client.userId();
        String session = client.sessionId();
        if (lastEventId == null) {
            if (!firstOfItsOwner || (user == null && session == null)) {
                return Plan.of(null, List.of(), head);
            }
            Inbox.Backlog backlog = inboxes.backlog(user, session, -1, head);
            return Plan.of(backlog.lost() ? gap("offline-overflow") : null, backlog.events(), head);
        }
        EventIds.Parsed parsed = log.parse(lastEventId);
        if (parsed instanceof EventIds.Known known && known.sequence() <= head) {
            EventLog.Range range = log.readAfter(known.sequence(), head);
            List<LoggedEvent> visible = range.events().stream()
                    .filter(event -> event.replayableTo(user, session, topics))
                    .toList();
            if (!range.truncated()) {
                return new Plan(null, visible, known.sequence());
            }
            // Older than the log's window: the offline queues may still hold this user's own events.
            Inbox.Backlog backlog = inboxes.backlog(user, session, known.sequence(), head);
            return new Plan(gap("stale"), merge(backlog.events(), visible), known.sequence());
        }
        String reason = parsed instanceof EventIds.Malformed ? "malformed" : "unknown";
        List<LoggedEvent> queued = firstOfItsOwner && (user != null || session != null)
                ? inboxes.backlog(user, session, -1, head).events()
                : List.of();
        return Plan.of(gap(reason), queued, head);
    }

    private Gap gap(String reason) {
        LoggedEvent oldest = log.oldest();
        return new Gap(reason, oldest == null ? null : oldest.id());
    }

    private static List<LoggedEvent> merge(List<LoggedEvent> a, List<LoggedEvent> b) {
        TreeMap<Long, LoggedEvent> merged = new TreeMap<>();
        a.forEach(event -> merged.put(event.sequence(), event));
        b.forEach(event -> merged.put(event.sequence(), event));
        return List.copyOf(merged.values());
    }
}
