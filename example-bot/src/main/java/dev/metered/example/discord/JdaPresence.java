package dev.metered.example.discord;

import dev.metered.example.services.Presence;
import java.util.Objects;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Activity;

/** Shows the bot's status on Discord, as the "Playing ..." line under its name. */
public final class JdaPresence implements Presence {
  private final JDA jda;

  /**
   * @param jda the connection
   */
  public JdaPresence(JDA jda) {
    this.jda = Objects.requireNonNull(jda, "jda");
  }

  @Override
  public void show(String status) {
    // JDA sends presence updates over the gateway and paces them itself.
    jda.getPresence().setActivity(Activity.playing(status));
  }
}
