package dev.metered.example.session;

/** Hears how a session is going, after each event; for a progress line. */
@FunctionalInterface
public interface SessionListener {

  /** Hears nothing. */
  SessionListener NONE = (soFar, total) -> {};

  /**
   * One more event was handled.
   *
   * @param soFar the session so far: events sent and what came of them
   * @param total how many events the session sends in all
   */
  void progress(SessionReport soFar, int total);
}
