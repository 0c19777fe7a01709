package dev.metered.spring.shop;

import dev.metered.annotations.Metered;
import jakarta.annotation.PostConstruct;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A handler class that Spring also proxies, for {@code @Transactional} and {@code @Async} on
 * other methods: the proxy wraps the Metered wrapper, and both do their work. Backed by a real
 * embedded H2 database.
 */
@Repository
public class Ledger {
  private final JdbcTemplate jdbc;

  public Ledger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @PostConstruct
  void createTable() {
    jdbc.execute("create table if not exists ledger (entry varchar(100) not null)");
  }

  /** Writes the entry, then fails: the transaction must roll the write back. */
  @Transactional
  public void bookThenFail(String entry) {
    jdbc.update("insert into ledger (entry) values (?)", entry);
    throw new IllegalArgumentException("refused " + entry);
  }

  @Transactional
  public void book(String entry) {
    jdbc.update("insert into ledger (entry) values (?)", entry);
  }

  @Async
  public CompletableFuture<String> threadName() {
    return CompletableFuture.completedFuture(Thread.currentThread().getName());
  }

  @Metered(family = "order", attributes = {"operation=count_entries", "channel=none"})
  public int entries(String entry) {
    Integer count = jdbc.queryForObject("select count(*) from ledger where entry = ?", Integer.class, entry);
    return count == null ? 0 : count;
  }
}
