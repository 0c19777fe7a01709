package dev.metered.spring;

import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The context's hold on Metered's runtime: configures it with the context's options when created
 * and closes what it configured when destroyed, which sends the last aggregates to Sentry within
 * {@link MeteredOptions#closeTimeout()}. Every wrapped bean and recorder bean depends on it, so it
 * is created before them and destroyed after them.
 *
 * <p>The runtime is one per JVM, and several contexts may be open in one (a test suite's cached
 * contexts): the context opened last owns it. When it closes, the runtime is configured again
 * with the options of the last context still open, if any, so that context keeps recording.
 */
public final class MeteredRuntimeLifecycle implements InitializingBean, DisposableBean {
  /** The contexts' lifecycles, oldest first; the last one's sink is the runtime's. */
  private static final Deque<MeteredRuntimeLifecycle> OPEN = new ArrayDeque<>();

  private final MeteredOptions options;
  private volatile DeliverySink sink;

  MeteredRuntimeLifecycle(MeteredOptions options) {
    this.options = options;
  }

  @Override
  public void afterPropertiesSet() {
    synchronized (OPEN) {
      sink = MeteredRuntime.configure(options);
      OPEN.addLast(this);
    }
  }

  /** The sink this context configured; closed, and not the default sink, once another took over. */
  public DeliverySink sink() {
    return sink;
  }

  /** Sends what this context's sink holds; hands the runtime back to the last context still open. */
  @Override
  public void destroy() {
    synchronized (OPEN) {
      boolean owner = OPEN.peekLast() == this && MeteredRuntime.defaultSink() == sink;
      OPEN.remove(this);
      if (!owner) {
        return; // its sink was closed when a later context, or the application, configured the runtime
      }
      MeteredRuntimeLifecycle previous = OPEN.peekLast();
      if (previous == null) {
        sink.close();
      } else {
        previous.sink = MeteredRuntime.configure(previous.options); // closes this one's sink first
      }
    }
  }
}
