package dev.metered.jartest;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.metered.jartest.sample.CheckInDesk;
import dev.metered.jartest.sample.CheckInDesk_Metered;
import dev.metered.jartest.sample.Clock;
import dev.metered.jartest.sample.DaggerSampleComponent;
import dev.metered.jartest.sample.FixedClock;
import dev.metered.jartest.sample.SampleComponent;
import dev.metered.jartest.sample.Ticket;
import dev.metered.jartest.sample.metrics.JobMetrics;
import dev.metered.runtime.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * Real containers create the wrapper of {@link CheckInDesk}, bound to it in one line, through
 * the {@code @Inject} constructor and in the {@code @Singleton} scope the wrapper repeats: Dagger
 * (its component was generated on this module's one processor path, beside Metered) and Guice.
 */
class InjectionContainersTest {
  private static final Ticket TICKET = new Ticket("Ada", 3, "C");

  @Test
  void daggerCreatesTheWrapperOnceAndItRecords() {
    SampleComponent component = DaggerSampleComponent.create();

    assertRecordsAsTheWrapper(component.desk());
    assertThat(component.desk()).as("singleton-scoped, as the original").isSameAs(component.desk());
  }

  @Test
  void guiceCreatesTheWrapperOnceAndItRecords() {
    Injector injector = Guice.createInjector(binder -> {
      binder.bind(Clock.class).to(FixedClock.class);
      binder.bind(CheckInDesk.class).to(CheckInDesk_Metered.class);
    });

    assertRecordsAsTheWrapper(injector.getInstance(CheckInDesk.class));
    assertThat(injector.getInstance(CheckInDesk.class)).as("singleton-scoped, as the original")
        .isSameAs(injector.getInstance(CheckInDesk.class));
  }

  private static void assertRecordsAsTheWrapper(CheckInDesk desk) {
    try (RecordingSink sink = RecordingSink.installGlobally()) {
      assertThat(desk).isInstanceOf(CheckInDesk_Metered.class);

      assertThat(desk.board(TICKET)).as("the injected clock reached the original constructor")
          .isEqualTo("Ada boarded at " + FixedClock.NOW);

      assertThat(sink).recorded(JobMetrics.RUNS).with(JobMetrics.Job.BOARD).once();
      assertThat(sink).recorded(JobMetrics.DURATION).with("success", true).once();
    }
  }
}
