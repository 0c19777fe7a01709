package dev.metered.jartest.sample;

import dagger.Component;

/** Dagger generates {@code DaggerSampleComponent}. */
@Component(modules = ClockModule.class)
public interface SampleComponent {
  /** The application's clock. */
  Clock clock();
}
