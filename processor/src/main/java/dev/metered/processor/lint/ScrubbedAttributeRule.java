package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An attribute whose key looks like a secret arrives as {@code [Filtered]}: Sentry's default data
 * scrubbing (on for every project unless turned off) replaces the value of any key that matches
 * Relay's password or token patterns ({@code relay-pii/src/regexes.rs}, {@code PASSWORD_KEY_REGEX}
 * and {@code TOKEN_KEY_REGEX}, applied by {@code @common} in {@code relay-pii/src/convert.rs}).
 * The patterns match anywhere in the key, case-insensitively: {@code author} contains {@code auth}.
 */
final class ScrubbedAttributeRule extends AttributeRule {
  ScrubbedAttributeRule() {
    super(DiagnosticCode.SCRUBBED_ATTRIBUTE, Severity.WARNING);
  }

  /** Relay's {@code PASSWORD_KEY_REGEX} as it applies to a key, and its {@code TOKEN_KEY_REGEX}. */
  static final Pattern SCRUBBED_KEY = Pattern.compile(
      "(?i)(password|secret|passwd|api[-_]key|apikey|auth|credentials|mysql_pwd|privatekey|private[-_]key|token"
          + "|^otp$|^two[-_]factor$)");

  @Override
  void check(FamilyModel family, Field attribute, Findings findings) {
    Matcher match = SCRUBBED_KEY.matcher(attribute.key());
    if (match.find()) {
      findings.report(attribute.position(), "the values of the attribute '" + attribute.key() + "' will likely arrive"
          + " as '[Filtered]' (Sentry's behaviour: with the project's default data scrubbing, Relay replaces the"
          + " value of every key containing '" + match.group() + "'); rename it, or, if it holds no secret, add it to"
          + " the project's Safe Fields (Settings, Security & Privacy)");
    }
  }
}
