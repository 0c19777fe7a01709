package dev.metered.jartest.sample;

import dev.metered.annotations.Metered;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * A handler that a container creates: its wrapper, {@code CheckInDesk_Metered}, repeats the
 * {@code @Inject} constructor and the {@code @Singleton} scope, so that binding this class to
 * the wrapper is one line ({@link ClockModule} for Dagger; a Guice module in the tests).
 */
@Singleton
public class CheckInDesk {
  private final Clock clock;

  @Inject
  public CheckInDesk(Clock clock) {
    this.clock = clock;
  }

  /** Boards a passenger at the clock's time. */
  @Metered(family = "job", attributes = "job=board")
  public String board(Ticket ticket) {
    return ticket.getPassenger() + " boarded at " + clock.now();
  }
}
