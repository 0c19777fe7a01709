package dev.metered.jartest.sample;

/** What {@link SampleComponent} provides: Dagger writes the component, this is its product. */
public interface Clock {
  /** A fixed time, so that the test can check which implementation it was given. */
  long now();
}
