package org.tacecrf.application.quality;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Progress of running batch checks, by job id, for the page's progress bar. */
@ApplicationScoped
public class CheckBatchProgress {

    /** One batch run. */
    public static final class Job {
        private final String id = UUID.randomUUID().toString();
        private final String studyId;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failedSubjects = new AtomicInteger();
        private final AtomicInteger failedChecks = new AtomicInteger();
        private final Instant started = Instant.now();
        private volatile Instant finished;

        Job(String studyId, int total) {
            this.studyId = studyId;
            this.total = total;
        }

        public String id() { return id; }
        public String studyId() { return studyId; }
        public int total() { return total; }
        public int done() { return done.get(); }
        public int failedSubjects() { return failedSubjects.get(); }
        public int failedChecks() { return failedChecks.get(); }
        public Instant started() { return started; }
        public Instant finished() { return finished; }
        public boolean isFinished() { return finished != null; }

        public int getTotal() { return total; }
        public int getDone() { return done.get(); }
        public int getFailedChecks() { return failedChecks.get(); }
        public int getFailedSubjects() { return failedSubjects.get(); }

        public int percent() {
            return total == 0 ? 100 : (int) Math.round(100.0 * done.get() / total);
        }

        void subjectDone(int failures) {
            done.incrementAndGet();
            failedChecks.addAndGet(failures);
        }

        void subjectFailed() {
            done.incrementAndGet();
            failedSubjects.incrementAndGet();
        }

        void finish() {
            finished = Instant.now();
        }
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    Job start(String studyId, int total) {
        Job job = new Job(studyId, total);
        jobs.put(job.id(), job);
        return job;
    }

    public Job get(String id) {
        return id == null ? null : jobs.get(id);
    }
}
