/**
 * A background job of the app that works on the event store by itself: the read-model and analytics projectors,
 * the webhook enqueuer, the forum scheduler. A bulk import pauses them while it writes and resumes them after,
 * so they catch up from their checkpoints in large batches instead of competing for the CPU (ADR 0027).
 */
export interface Pausable {
  /** Resolves once the job has stopped working (what it had taken is finished or handed back to its checkpoint). */
  pause(): Promise<void>;
  /** Starts again from where the job's own checkpoint is. A no-op when not paused. */
  resume(): void;
}
