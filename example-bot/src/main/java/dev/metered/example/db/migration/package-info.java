/**
 * Versioned schema migrations, applied at startup by {@link
 * dev.metered.example.db.migration.MigrationRunner}. Depends on JDBC only, so the database layer
 * uses it and not the other way round.
 */
package dev.metered.example.db.migration;
