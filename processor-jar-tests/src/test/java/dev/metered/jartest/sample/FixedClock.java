package dev.metered.jartest.sample;

import jakarta.inject.Inject;

/** Bound to {@link Clock} by {@link ClockModule}, created by Dagger through its constructor. */
public final class FixedClock implements Clock {
  /** The time every call answers. */
  public static final long NOW = 1_700_000_000_000L;

  @Inject
  public FixedClock() {}

  @Override
  public long now() {
    return NOW;
  }
}
