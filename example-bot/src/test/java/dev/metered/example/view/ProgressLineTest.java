package dev.metered.example.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong();

  @Test
  void onATerminalRewritesOneLineInPlaceAndClearsLongerText() {
    ProgressLine line = new ProgressLine(out, true, Duration.ofSeconds(5), now::get);

    line.update("first, longer");
    now.addAndGet(Duration.ofMillis(150).toNanos());
    line.update("second");
    line.finish();

    assertThat(printed()).isEqualTo("\rfirst, longer\rsecond       " + System.lineSeparator());
  }

  @Test
  void elsewherePrintsALineAtMostOncePerIntervalAndTheLastOneAtTheEnd() {
    ProgressLine line = new ProgressLine(out, false, Duration.ofSeconds(5), now::get);

    line.update("0 s");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    line.update("1 s");
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    line.update("6 s");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    line.update("7 s");
    line.finish();

    assertThat(printed().lines()).containsExactly("0 s", "6 s", "7 s");
  }

  @Test
  void printsNothingWhenNothingWasShown() {
    new ProgressLine(out, true, Duration.ofSeconds(5), now::get).finish();

    assertThat(printed()).isEmpty();
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
