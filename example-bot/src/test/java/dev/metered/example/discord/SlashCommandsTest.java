package dev.metered.example.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.BotConfig;
import dev.metered.example.ExampleBot;
import dev.metered.example.Recorders;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.Command.Choice;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

/**
 * What the bot would register with Discord, built with JDA's own data classes (which check
 * Discord's rules as they are built), with no connection.
 */
class SlashCommandsTest {

  @Test
  void theRunningBotsSlashAndHybridCommandsBecomeValidSlashCommands() throws Exception {
    BotConfig config =
        BotConfig.builder()
            .cleanup(Duration.ofHours(1), 0)
            .statusRotation(Duration.ofHours(1), 0)
            .warmupPages(List.of())
            .build();
    List<SlashCommandData> registered;
    MeteredRuntime.setGlobalSink(new RecordingSink());
    try (ExampleBot bot = ExampleBot.start(config, Recorders.to(new RecordingSink()))) {
      registered = SlashCommands.of(bot.commands());
    } finally {
      MeteredRuntime.resetGlobalSink();
    }

    // remind and stats are prefix commands; wolfram did not load without an app id.
    assertThat(registered)
        .extracting(SlashCommandData::getName)
        .containsExactly("info", "ping", "reload", "tldr");
    SlashCommandData tldr = registered.get(3);
    assertThat(tldr.getOptions())
        .extracting(OptionData::getName, OptionData::isRequired, OptionData::getType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("command", true, OptionType.STRING),
            org.assertj.core.groups.Tuple.tuple("platform", false, OptionType.STRING));
    assertThat(tldr.getOptions().get(1).getChoices())
        .extracting(Choice::getAsString)
        .containsExactly("common", "linux", "osx", "windows", "android");
    assertThat(registered.get(2).getOptions().get(0).getChoices())
        .extracting(Choice::getAsString)
        .contains("tldr", "admin");
  }

  @Test
  void prefixOnlyCommandsAreNotRegistered() {
    assertThat(
            SlashCommands.of(
                List.of(
                    CommandSpec.of(Command.STATS, Registration.PREFIX, "Stats."),
                    CommandSpec.of(Command.PING, Registration.SLASH, "Ping."))))
        .extracting(SlashCommandData::getName)
        .containsExactly("ping");
  }

  @Test
  void specsDiscordWouldRefuseFailBeforeAnyConnection() {
    assertThatThrownBy(() -> CommandSpec.of(Command.PING, Registration.SLASH, "x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OptionSpec.required("Bad Name", "An option."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CommandSpec.of(
                    Command.TLDR,
                    Registration.HYBRID,
                    "Tldr.",
                    OptionSpec.optional("platform", "Platform.", List.of()),
                    OptionSpec.required("command", "Command.")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after an optional one");
  }
}
