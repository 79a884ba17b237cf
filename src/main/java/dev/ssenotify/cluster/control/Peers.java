package dev.ssenotify.cluster.control;

import java.util.Map;
import java.util.Optional;

/** The other instances as this one sees them: none for one instance alone, else those sharing its Redis. */
public interface Peers {

    /** This instance's id and every live instance's last published stats (JSON), by instance id. */
    record View(String instanceId, Map<String, String> instanceStats) {
    }

    /** The cluster as seen from here; empty for one instance alone. */
    Optional<View> view();

    /** Whether the shared store answers; empty when there is none. */
    Optional<Boolean> storeUp();

    Peers NONE = new Peers() {
        @Override
        public Optional<View> view() {
            return Optional.empty();
        }

        @Override
        public Optional<Boolean> storeUp() {
            return Optional.empty();
        }
    };
}
