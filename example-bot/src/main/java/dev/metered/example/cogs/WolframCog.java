package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.api.WolframClient;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code wolfram} command: a short answer from Wolfram|Alpha. It needs an app id; without one
 * the cog refuses to load, which the loader records as a failed load and survives.
 */
public class WolframCog implements Cog {
  /** The setting that holds the app id. */
  public static final String APP_ID_SETTING = "WOLFRAM_APP_ID";

  private final Optional<WolframClient> client;

  /**
   * @param client the Wolfram client, empty when no app id is configured
   */
  public WolframCog(Optional<WolframClient> client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void load(CommandRegistrar registrar) throws MissingConfigurationException {
    if (client.isEmpty()) {
      throw new MissingConfigurationException(APP_ID_SETTING);
    }
    registrar.register(
        CommandSpec.of(
            Command.WOLFRAM,
            Registration.HYBRID,
            "Asks Wolfram|Alpha for a short answer.",
            OptionSpec.required("question", "The question, in plain English.")),
        this::wolfram);
  }

  /**
   * Answers a question: {@code wolfram <question>}.
   *
   * @param context the invocation
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return the short answer
   * @throws dev.metered.example.api.ApiException when Wolfram|Alpha failed or had no answer
   */
  @Metered(family = "command", attributes = "command=wolfram")
  public String wolfram(CommandContext context, @Attr("command_type") CommandType type) {
    String question = context.requireRest(0, "wolfram <question>");
    // load() registered this handler only with a client present.
    return client.orElseThrow().shortAnswer(question);
  }
}
