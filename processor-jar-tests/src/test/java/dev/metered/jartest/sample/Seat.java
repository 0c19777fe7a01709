package dev.metered.jartest.sample;

import com.google.auto.value.AutoValue;

/** A value class whose implementation, {@code AutoValue_Seat}, AutoValue generates. */
@AutoValue
public abstract class Seat {
  /** The seat's row. */
  public abstract int row();

  /** The seat's letter. */
  public abstract String letter();

  /** A seat. */
  public static Seat of(int row, String letter) {
    return new AutoValue_Seat(row, letter);
  }
}
