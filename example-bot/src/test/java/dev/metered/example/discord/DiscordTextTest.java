package dev.metered.example.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordTextTest {

  @Test
  void aReplyThatFitsIsUnchanged() {
    String text = "x".repeat(DiscordText.MAX_LENGTH);

    assertThat(DiscordText.fit(text)).isSameAs(text);
  }

  @Test
  void aLongReplyIsCutAtALineBreakAndMarked() {
    String line = "- an example line of a long tldr page\n";
    String text = line.repeat(100);

    String fitted = DiscordText.fit(text);

    assertThat(fitted).hasSizeLessThanOrEqualTo(DiscordText.MAX_LENGTH).endsWith("\n…");
    assertThat(fitted.substring(0, fitted.length() - 2)).endsWith("page");
  }

  @Test
  void aLongReplyWithoutLineBreaksIsCutAtTheLimit() {
    String fitted = DiscordText.fit("y".repeat(5000));

    assertThat(fitted).hasSize(DiscordText.MAX_LENGTH).endsWith("\n…");
  }

  @Test
  void aBlankReplyBecomesSomethingDiscordAccepts() {
    assertThat(DiscordText.fit("  ")).isEqualTo("-");
  }
}
