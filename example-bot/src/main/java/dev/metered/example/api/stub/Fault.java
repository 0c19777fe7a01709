package dev.metered.example.api.stub;

/** How the stub answers one tldr request. */
public enum Fault {
  /** Serve the page (or 404 when there is none). */
  NONE,
  /** Answer 429 Too Many Requests. */
  RATE_LIMITED,
  /** Answer 503 Service Unavailable. */
  SERVER_ERROR,
  /** Answer 500 Internal Server Error. */
  INTERNAL_ERROR,
  /** Answer only after the stall time, by which the client has usually given up. */
  STALL
}
