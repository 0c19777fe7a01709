package dev.metered.jartest;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.jartest.sample.Booking;
import dev.metered.jartest.sample.BookingMapper;
import dev.metered.jartest.sample.BookingSummary;
import dev.metered.jartest.sample.CheckInJob;
import dev.metered.jartest.sample.CheckInJob_Metered;
import dev.metered.jartest.sample.Clock;
import dev.metered.jartest.sample.DaggerSampleComponent;
import dev.metered.jartest.sample.FixedClock;
import dev.metered.jartest.sample.Seat;
import dev.metered.jartest.sample.Ticket;
import dev.metered.jartest.sample.metrics.JobMetrics;
import dev.metered.runtime.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * The sample application (package {@code sample}) was compiled in one javac run whose one
 * processor path held Dagger, AutoValue, MapStruct, Lombok and the Metered processor jar alone,
 * and JavaPoet 1.12.1 where Dagger asks for 1.13.0, which Metered bundles relocated (this
 * module's compiler configuration). Each processor's output is called here; a processor that
 * failed would have failed that compilation instead.
 */
class OneProcessorPathTest {
  private static final Ticket TICKET = new Ticket("Ada", 3, "C");

  @Test
  void daggerWroteTheComponent() {
    Clock clock = DaggerSampleComponent.create().clock();

    assertThat(clock).isInstanceOf(FixedClock.class);
    assertThat(clock.now()).isEqualTo(FixedClock.NOW);
  }

  @Test
  void autoValueWroteTheValueClass() {
    Seat seat = Seat.of(3, "C");

    assertThat(seat.getClass().getSimpleName()).isEqualTo("AutoValue_Seat");
    assertThat(seat).isEqualTo(Seat.of(3, "C")).isNotEqualTo(Seat.of(4, "C"));
    assertThat(seat).hasToString("Seat{row=3, letter=C}");
  }

  @Test
  void mapStructWroteTheMapper() {
    BookingSummary summary = BookingMapper.INSTANCE.summarize(new Booking("Ada", 3, "C"));

    assertThat(BookingMapper.INSTANCE.getClass().getSimpleName()).isEqualTo("BookingMapperImpl");
    assertThat(summary.getPassenger()).isEqualTo("Ada");
    assertThat(summary.getSeat()).isEqualTo("3C");
  }

  @Test
  void lombokWroteTheValueClassesMembers() {
    assertThat(TICKET.getPassenger()).isEqualTo("Ada");
    assertThat(TICKET.getRow()).isEqualTo(3);
    assertThat(TICKET).isEqualTo(new Ticket("Ada", 3, "C")).isNotEqualTo(new Ticket("Bob", 3, "C"));
    assertThat(TICKET).hasToString("Ticket(passenger=Ada, row=3, letter=C)");
  }

  @Test
  void meteredWroteTheWrapperAndTheRecorder() {
    try (RecordingSink sink = RecordingSink.installGlobally()) {
      CheckInJob job = new CheckInJob_Metered();

      assertThat(job.checkIn(TICKET)).isEqualTo("Ada 3C");

      assertThat(sink).recorded(JobMetrics.RUNS).with(JobMetrics.Job.CHECK_IN).once();
      assertThat(sink).recorded(JobMetrics.DURATION).with("success", true).once();
    }
  }
}
