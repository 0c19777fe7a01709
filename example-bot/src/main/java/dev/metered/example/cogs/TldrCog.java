package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.example.services.TldrService;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The {@code tldr} command: a tldr page, from the cache or from tldr-pages. */
public class TldrCog implements Cog {
  /** The platforms tldr-pages has pages for. */
  static final List<String> PLATFORMS = List.of("common", "linux", "osx", "windows", "android");

  private final TldrService pages;

  /**
   * @param pages tldr pages through their cache
   */
  public TldrCog(TldrService pages) {
    this.pages = Objects.requireNonNull(pages, "pages");
  }

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(
        CommandSpec.of(
            Command.TLDR,
            Registration.HYBRID,
            "Shows the tldr page of a command-line tool.",
            OptionSpec.required("command", "The tool, for example tar."),
            OptionSpec.optional("platform", "The platform; common by default.", PLATFORMS)),
        this::tldr);
  }

  /**
   * Shows a page: {@code tldr <command> [platform]}.
   *
   * @param context the invocation
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return the page, or a note that there is none
   * @throws IllegalArgumentException when the command name is missing or malformed
   * @throws dev.metered.example.api.ApiException when tldr-pages failed
   */
  @Metered(family = "command", attributes = "command=tldr")
  public String tldr(CommandContext context, @Attr("command_type") CommandType type) {
    String name = context.requireArg(0, "tldr <command> [platform]").toLowerCase(Locale.ROOT);
    String platform = context.argOr(1, "common").toLowerCase(Locale.ROOT);
    return pages.page(platform, name).orElse("No tldr page for " + platform + "/" + name + ".");
  }
}
