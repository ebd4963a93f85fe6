package org.tacecrf.application.exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far each running import has come, by a key the page chooses before it starts the import, for
 * the progress bar (read by the page's own requests while the import request works).
 */
@ApplicationScoped
public class ImportProgress {

    /** What an import is doing. */
    public enum Phase { READING, CHECKING, WRITING, DONE }

    /** Progress of one import. */
    public static final class Tracker {
        private volatile Phase phase = Phase.READING;
        private volatile int total;
        private final AtomicInteger done = new AtomicInteger();

        public Phase phase() {
            return phase;
        }

        public int percent() {
            if (phase == Phase.DONE) {
                return 100;
            }
            int t = total;
            return t == 0 ? 0 : Math.min(99, (int) (100L * done.get() / t));
        }

        void phase(Phase next, int totalSteps) {
            done.set(0);
            total = totalSteps;
            phase = next;
        }

        void step() {
            done.incrementAndGet();
        }
    }

    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    Tracker start(String key) {
        Tracker tracker = new Tracker();
        trackers.put(key, tracker);
        return tracker;
    }

    void finish(String key) {
        Tracker tracker = trackers.remove(key);
        if (tracker != null) {
            tracker.phase(Phase.DONE, 0);
        }
    }

    /** The progress of a running import; empty before it starts and once it has finished. */
    public java.util.Optional<Tracker> of(String key) {
        return key == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(trackers.get(key));
    }
}
