package dev.metered.jartest.sample;

import dagger.Binds;
import dagger.Module;

/** Binds the interface to its one implementation. */
@Module
public interface ClockModule {
  /** {@link Clock} is a {@link FixedClock}. */
  @Binds
  Clock clock(FixedClock clock);
}
