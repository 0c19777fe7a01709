package dev.metered.jartest.sample;

/** A plain bean, mapped from by {@link BookingMapper}. */
public class Booking {
  private String passenger;
  private int row;
  private String letter;

  /** A booking. */
  public Booking(String passenger, int row, String letter) {
    this.passenger = passenger;
    this.row = row;
    this.letter = letter;
  }

  public String getPassenger() {
    return passenger;
  }

  public int getRow() {
    return row;
  }

  public String getLetter() {
    return letter;
  }
}
