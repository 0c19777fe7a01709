package it.metered;

/** A class for javac to compile, so that the processor runs. */
public final class App {
  private App() {}
}
