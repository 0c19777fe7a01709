package dev.metered.example.db.migration;

import java.util.List;
import java.util.Objects;

/**
 * One step of the schema's history. A migration never changes once released: a database that
 * applied it keeps only its version number, so a later change goes into a new migration.
 *
 * @param version its number, from 1, one more than the step before
 * @param description what it does, stored with the version
 * @param statements the SQL, run in order in one transaction
 */
public record Migration(int version, String description, List<String> statements) {

  /** Checks the fields and copies the statements. */
  public Migration {
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1: " + version);
    }
    Objects.requireNonNull(description, "description");
    statements = List.copyOf(statements);
    if (statements.isEmpty()) {
      throw new IllegalArgumentException("migration " + version + " has no statement");
    }
  }
}
