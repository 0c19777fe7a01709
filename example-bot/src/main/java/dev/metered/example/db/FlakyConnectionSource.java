package dev.metered.example.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;

/**
 * A {@link ConnectionSource} whose next connections can be made to fail, as a dropped connection
 * would: the scripted session uses it to drive the retry path through a real database.
 *
 * <p>Failures are armed per thread. The session thread arms them just before it dispatches a
 * command, so they hit that command's database work and nothing that background tasks happen to run
 * at the same moment; the session therefore records the same retries on every run.
 */
public final class FlakyConnectionSource implements ConnectionSource {
  /** SQLSTATE for "connection failure". */
  private static final String CONNECTION_FAILURE = "08006";

  private final ConnectionSource delegate;
  private final ThreadLocal<int[]> pendingFailures = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * @param delegate where connections come from when no failure is pending
   */
  public FlakyConnectionSource(ConnectionSource delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * Makes the next {@code count} connections opened on the calling thread fail.
   *
   * @param count how many; {@code 0} arms nothing
   */
  public void failNextOnThisThread(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0: " + count);
    }
    pendingFailures.get()[0] = count;
  }

  /**
   * Disarms what is still pending on the calling thread, so that it cannot leak into the next
   * command.
   *
   * @return how many armed failures were not used
   */
  public int clearThisThread() {
    int[] pending = pendingFailures.get();
    int unused = pending[0];
    pending[0] = 0;
    return unused;
  }

  @Override
  public Connection open() throws SQLException {
    int[] pending = pendingFailures.get();
    if (pending[0] > 0) {
      pending[0]--;
      throw new SQLTransientConnectionException(
          "connection reset (injected by the scripted session)", CONNECTION_FAILURE);
    }
    return delegate.open();
  }
}
