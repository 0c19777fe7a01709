package dev.metered.jartest.sample;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** MapStruct generates {@code BookingMapperImpl}. */
@Mapper
public interface BookingMapper {
  /** The generated implementation. */
  BookingMapper INSTANCE = Mappers.getMapper(BookingMapper.class);

  /** The passenger copied, the seat written as row and letter. */
  @Mapping(target = "seat", expression = "java(booking.getRow() + booking.getLetter())")
  BookingSummary summarize(Booking booking);
}
