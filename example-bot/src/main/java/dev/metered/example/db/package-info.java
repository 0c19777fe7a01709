/**
 * The embedded H2 database, the retry wrapper that meters every operation ({@link
 * dev.metered.example.db.RetryingSqlExecutor}), and one repository per table.
 */
package dev.metered.example.db;
