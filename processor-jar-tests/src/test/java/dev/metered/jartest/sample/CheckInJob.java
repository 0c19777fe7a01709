package dev.metered.jartest.sample;

import dev.metered.annotations.Metered;

/** A handler: Metered generates {@code CheckInJob_Metered} and the family's recorder. */
public class CheckInJob {
  /** Checks a ticket in and says where to sit. */
  @Metered(family = "job", attributes = "job=check_in")
  public String checkIn(Ticket ticket) {
    return ticket.getPassenger() + " " + ticket.getRow() + ticket.getLetter();
  }
}
