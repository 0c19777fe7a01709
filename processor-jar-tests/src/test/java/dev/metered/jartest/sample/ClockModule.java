package dev.metered.jartest.sample;

import dagger.Binds;
import dagger.Module;

/** Binds the interface to its one implementation, and a handler to its Metered wrapper. */
@Module
public interface ClockModule {
  /** {@link Clock} is a {@link FixedClock}. */
  @Binds
  Clock clock(FixedClock clock);

  /** Whoever asks for a {@link CheckInDesk} gets its wrapper, created by its {@code @Inject} constructor. */
  @Binds
  CheckInDesk desk(CheckInDesk_Metered desk);
}
