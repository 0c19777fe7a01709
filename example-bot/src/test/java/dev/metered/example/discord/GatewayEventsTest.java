package dev.metered.example.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import dev.metered.example.metrics.CommandMetrics.Command;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayEventsTest {
  private static final CommandSpec TLDR =
      CommandSpec.of(
          Command.TLDR,
          Registration.HYBRID,
          "Tldr.",
          OptionSpec.required("command", "The tool."),
          OptionSpec.optional("platform", "The platform.", List.of("common", "linux")));

  @Test
  void aGuildMessageKeepsItsIdsAndRawContent() {
    assertThat(GatewayEvents.message(Optional.of(11L), 22, 33, "!tldr tar"))
        .isEqualTo(new Message(11, 22, 33, "!tldr tar"));
  }

  @Test
  void aDirectMessageBelongsToNoGuild() {
    assertThat(GatewayEvents.message(Optional.empty(), 22, 33, "!ping").guildId())
        .isEqualTo(GatewayEvents.NO_GUILD);
  }

  @Test
  void slashOptionsBecomeArgumentsInTheOrderTheCommandDeclaresThem() {
    // Discord hands options over by name, in any order.
    Map<String, String> given = Map.of("platform", "linux", "command", "apt");

    SlashCommand event =
        GatewayEvents.slashCommand(
            Optional.of(1L),
            2,
            3,
            "tldr",
            Optional.of(TLDR),
            name -> Optional.ofNullable(given.get(name)));

    assertThat(event).isEqualTo(new SlashCommand(1, 2, 3, "tldr", List.of("apt", "linux")));
  }

  @Test
  void argumentsStopAtTheFirstOptionLeftOut() {
    SlashCommand event =
        GatewayEvents.slashCommand(
            Optional.empty(), 2, 3, "tldr", Optional.of(TLDR), name -> Optional.empty());

    assertThat(event.options()).isEmpty();
    assertThat(event.guildId()).isEqualTo(GatewayEvents.NO_GUILD);
  }

  @Test
  void anUnknownCommandGetsNoArgumentsAndIsLeftToTheRouter() {
    SlashCommand event =
        GatewayEvents.slashCommand(
            Optional.of(1L), 2, 3, "ban", Optional.empty(), name -> Optional.of("x"));

    assertThat(event).isEqualTo(new SlashCommand(1, 2, 3, "ban", List.of()));
  }
}
