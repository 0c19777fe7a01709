package dev.metered.benchmarks;

import dev.metered.benchmarks.metrics.MessageMetrics.Channel;
import dev.metered.benchmarks.metrics.MessageMetrics.Kind;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.metrics.SentryMetricsParameters;
import java.util.SplittableRandom;

/**
 * The attribute values of a stream of {@code bench.message.received} increments, chosen ahead
 * of time so that choosing them costs each call two array reads and nothing else.
 *
 * <p>Every call of a recording benchmark takes the next position ({@link #next()}) and reads the
 * values at that position in the form the code under test wants: generated enums and a boolean
 * for Metered, wire strings for hand-written code, or the number of the attribute combination
 * ({@link #combination}) for what was built once per combination (Sentry parameters, Micrometer
 * counters, OpenTelemetry attributes). The sequence is pseudo-random with a fixed seed, long
 * enough that the branch predictor cannot learn it, and short enough to stay in the L1 cache.
 *
 * <p>One instance per thread: {@link #next()} is not thread-safe.
 */
public class MessageChoices {
  /** How many choices one sequence holds; a power of two, so the position wraps with a mask. */
  public static final int LENGTH = 1024;

  /** How many attribute combinations a {@code bench.message.received} data point can have. */
  public static final int COMBINATIONS = Kind.values().length * Channel.values().length * 2;

  private static final int MASK = LENGTH - 1;

  /** The {@code kind} at each position. */
  public final Kind[] kind = new Kind[LENGTH];
  /** The {@code channel} at each position. */
  public final Channel[] channel = new Channel[LENGTH];
  /** The {@code from_bot} at each position. */
  public final boolean[] fromBot = new boolean[LENGTH];
  /** The {@code kind} at each position as Sentry receives it, for hand-written code. */
  public final String[] kindValue = new String[LENGTH];
  /** The {@code channel} at each position as Sentry receives it, for hand-written code. */
  public final String[] channelValue = new String[LENGTH];
  /** The {@code from_bot} at each position as a Micrometer tag value. */
  public final String[] fromBotValue = new String[LENGTH];
  /** The number of the attribute combination at each position; see {@link #combination}. */
  public final int[] combination = new int[LENGTH];

  private int next;

  /** A sequence drawn with {@code seed}: give each thread its own, as real callers differ. */
  public MessageChoices(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < LENGTH; i++) {
      int drawn = random.nextInt(COMBINATIONS);
      kind[i] = kindOf(drawn);
      channel[i] = channelOf(drawn);
      fromBot[i] = fromBotOf(drawn);
      kindValue[i] = kind[i].wireValue();
      channelValue[i] = channel[i].wireValue();
      fromBotValue[i] = Boolean.toString(fromBot[i]);
      combination[i] = drawn;
    }
  }

  /** The next position in the sequence; it wraps around after {@link #LENGTH} calls. */
  public final int next() {
    return next++ & MASK;
  }

  /**
   * The number of an attribute combination, {@code 0} to {@link #COMBINATIONS} - 1: the
   * same mixed-radix numbering as the runtime's series tables ({@code kind} most significant).
   */
  public static int combination(Kind kind, Channel channel, boolean fromBot) {
    return (kind.ordinal() * Channel.values().length + channel.ordinal()) * 2 + (fromBot ? 1 : 0);
  }

  /**
   * Sentry parameters for each attribute combination, by number, built as careful hand-written
   * code would build them: once.
   */
  public static SentryMetricsParameters[] sentryParameters() {
    SentryMetricsParameters[] parameters = new SentryMetricsParameters[COMBINATIONS];
    for (int c = 0; c < COMBINATIONS; c++) {
      parameters[c] = SentryMetricsParameters.create(SentryAttributes.of(
          SentryAttribute.stringAttribute("kind", kindOf(c).wireValue()),
          SentryAttribute.stringAttribute("channel", channelOf(c).wireValue()),
          SentryAttribute.booleanAttribute("from_bot", fromBotOf(c))));
    }
    return parameters;
  }

  /** The {@code kind} of combination number {@code combination}. */
  public static Kind kindOf(int combination) {
    return Kind.values()[combination / (Channel.values().length * 2)];
  }

  /** The {@code channel} of combination number {@code combination}. */
  public static Channel channelOf(int combination) {
    return Channel.values()[combination / 2 % Channel.values().length];
  }

  /** The {@code from_bot} of combination number {@code combination}. */
  public static boolean fromBotOf(int combination) {
    return combination % 2 == 1;
  }
}
