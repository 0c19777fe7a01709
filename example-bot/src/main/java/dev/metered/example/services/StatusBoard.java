package dev.metered.example.services;

/** A {@link Presence} that keeps the last status, for whoever displays it. Thread-safe. */
public final class StatusBoard implements Presence {
  private volatile String current = "";

  @Override
  public void show(String status) {
    current = status;
  }

  /**
   * The last status shown.
   *
   * @return the status, empty before the first
   */
  public String current() {
    return current;
  }
}
