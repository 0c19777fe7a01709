package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sentry.SentryAttribute;
import io.sentry.SentryAttributeType;
import io.sentry.SentryLogEventAttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void boundedStringsAreCutToTheirMaximumLength() {
    assertThat(Attribute.ofString("error_type", "IllegalStateException", 7).value()).isEqualTo("Illegal");
    assertThat(Attribute.ofString("error_type", "Timeout", 7).value()).isEqualTo("Timeout");
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String withEmoji = "ab\uD83D\uDE00cd"; // "ab", one emoji as two UTF-16 units, "cd"
    assertThat(Attribute.ofString("error_type", withEmoji, 3).value()).isEqualTo("ab");
    assertThat(Attribute.ofString("error_type", withEmoji, 4).value()).isEqualTo("ab\uD83D\uDE00");
  }

  @Test
  void eachTypeReachesSentryWithItsWireType() {
    // What the SDK puts on the wire is decided by SentryLogEventAttributeValue.fromAttribute.
    assertThat(wire(Attribute.ofString("command", "ping"))).extracting("type", "value").containsExactly("string", "ping");
    assertThat(wire(Attribute.ofBoolean("success", true))).extracting("type", "value").containsExactly("boolean", true);
    assertThat(wire(Attribute.ofLong("retry_count", 3))).extracting("type", "value").containsExactly("integer", 3L);
    assertThat(wire(Attribute.ofDouble("ratio", 0.5))).extracting("type", "value").containsExactly("double", 0.5);
  }

  @Test
  void theSentryFormIsBuiltOnceWithTheAttribute() {
    Attribute attribute = Attribute.ofBoolean("success", false);
    assertThat(attribute.sentryAttribute()).isSameAs(attribute.sentryAttribute());
    assertThat(attribute.sentryAttribute().getType()).isEqualTo(SentryAttributeType.BOOLEAN);
  }

  @Test
  void nullsAreLeftOutAndOrderIsKept() {
    Attributes attributes = Attributes.of(
        Attribute.ofString("command", "ping"), null, Attribute.ofBoolean("success", true), null);
    assertThat(attributes.asList()).extracting(Attribute::key, Attribute::value)
        .containsExactly(tuple("command", "ping"), tuple("success", true));
    assertThat(attributes.get("success").value()).isEqualTo(true);
    assertThat(attributes.get("error_type")).isNull();
    assertThat(attributes.asMap()).containsExactly(Map.entry("command", "ping"), Map.entry("success", true));
  }

  @Test
  void theCallersArrayIsCopied() {
    Attribute[] given = {Attribute.ofString("command", "ping")};
    Attributes attributes = Attributes.of(given);
    given[0] = Attribute.ofString("command", "info");
    assertThat(attributes.get(0).value()).isEqualTo("ping");
  }

  @Test
  void sentryAttributesHoldEveryAttribute() {
    Attributes attributes = Attributes.of(Attribute.ofString("command", "ping"), Attribute.ofLong("retry_count", 2));
    Map<String, SentryAttribute> sentry = attributes.toSentryAttributes().getAttributes();
    assertThat(sentry).containsOnlyKeys("command", "retry_count");
    assertThat(sentry.get("retry_count").getValue()).isEqualTo(2L);
  }

  @Test
  void equalAttributesAreEqual() {
    assertThat(Attributes.of(Attribute.ofLong("n", 1))).isEqualTo(Attributes.of(Attribute.ofLong("n", 1)))
        .isNotEqualTo(Attributes.of(Attribute.ofDouble("n", 1)));
    assertThat(Attributes.empty().size()).isZero();
  }

  private static SentryLogEventAttributeValue wire(Attribute attribute) {
    return SentryLogEventAttributeValue.fromAttribute(attribute.sentryAttribute());
  }
}
