package com.example;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.metrics.CommandMetrics;
import com.example.metrics.CommandMetrics.Command;
import com.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class DemoApplicationTests {
  @Autowired PingCommand ping;
  @Autowired CommandMetrics metrics;

  @AfterEach
  void resetSink() {
    MeteredRuntime.resetGlobalSink();
  }

  @Test
  void theInjectedHandlerIsTheWrapperAndRecords() {
    assertThat(ping.getClass().getName()).isEqualTo("com.example.PingCommand_Metered");
    assertThat(metrics).isSameAs(CommandMetrics.global());
    RecordingSink sink = RecordingSink.installGlobally();

    assertThat(ping.ping(CommandType.SLASH)).startsWith("pong at ");

    assertThat(sink).recorded(CommandMetrics.USAGE).with(Command.PING, CommandType.SLASH).times(1);
  }
}
