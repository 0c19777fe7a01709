package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.example.services.Delays;
import dev.metered.example.services.ReminderService;
import java.time.Duration;
import java.util.Objects;

/** The {@code remind} command: {@code remind <delay> <message>}. */
public class RemindersCog implements Cog {
  private static final String USAGE = "remind <delay> <message>, for example remind 10m stretch";

  private final ReminderService reminders;

  /**
   * @param reminders stores and schedules reminders
   */
  public RemindersCog(ReminderService reminders) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
  }

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(
        CommandSpec.of(
            Command.REMIND,
            Registration.PREFIX,
            "Reminds you of something: remind <delay> <message>."),
        this::remind);
  }

  /**
   * Schedules a reminder in the channel the command came from.
   *
   * @param context the invocation
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return a confirmation
   * @throws IllegalArgumentException when the delay or message is missing or malformed
   * @throws dev.metered.example.db.DatabaseException when the reminder could not be stored
   */
  @Metered(family = "command", attributes = "command=remind")
  public String remind(CommandContext context, @Attr("command_type") CommandType type) {
    Duration delay = Delays.parse(context.requireArg(0, USAGE));
    String message = context.requireRest(1, USAGE);
    long id = reminders.remind(context.userId(), context.channelId(), delay, message);
    return "Reminder #" + id + " set for " + context.args().get(0) + " from now.";
  }
}
