package dev.metered.jartest.sample;

/** A plain bean, mapped to by {@link BookingMapper}. */
public class BookingSummary {
  private String passenger;
  private String seat;

  public String getPassenger() {
    return passenger;
  }

  public void setPassenger(String passenger) {
    this.passenger = passenger;
  }

  public String getSeat() {
    return seat;
  }

  public void setSeat(String seat) {
    this.seat = seat;
  }
}
