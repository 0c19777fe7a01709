package dev.metered.jartest.sample;

import lombok.Value;

/** Lombok writes the constructor, getters, equals, hashCode and toString. */
@Value
public class Ticket {
  String passenger;
  int row;
  String letter;
}
