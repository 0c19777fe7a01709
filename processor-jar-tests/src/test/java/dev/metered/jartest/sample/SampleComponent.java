package dev.metered.jartest.sample;

import dagger.Component;
import jakarta.inject.Singleton;

/** Dagger generates {@code DaggerSampleComponent}; singleton-scoped, as {@link CheckInDesk} is. */
@Singleton
@Component(modules = ClockModule.class)
public interface SampleComponent {
  /** The application's clock. */
  Clock clock();

  /** The check-in desk, recording: its wrapper. */
  CheckInDesk desk();
}
