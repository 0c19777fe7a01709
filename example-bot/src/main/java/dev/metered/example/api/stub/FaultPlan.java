package dev.metered.example.api.stub;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;

/**
 * Decides, request by request, which {@link Fault} the stub's tldr route answers with.
 *
 * <p>Implementations are called under the stub's lock, one request at a time, so a seeded plan
 * answers the same sequence of requests the same way on every run.
 */
@FunctionalInterface
public interface FaultPlan {

  /**
   * The fault for the next request.
   *
   * @return the fault, {@link Fault#NONE} for a normal answer
   */
  Fault next();

  /**
   * A plan that never fails.
   *
   * @return the plan
   */
  static FaultPlan none() {
    return () -> Fault.NONE;
  }

  /**
   * A plan that draws from a seeded random sequence: about 8% rate limited, 3% answered 503, 2%
   * answered 500 and 2% stalls, the rest normal.
   *
   * @param seed the seed; the same seed gives the same faults for the same requests
   * @return the plan
   */
  static FaultPlan seeded(long seed) {
    Random random = new Random(seed);
    return () -> {
      double draw = random.nextDouble();
      if (draw < 0.08) {
        return Fault.RATE_LIMITED;
      }
      if (draw < 0.11) {
        return Fault.SERVER_ERROR;
      }
      if (draw < 0.13) {
        return Fault.INTERNAL_ERROR;
      }
      if (draw < 0.15) {
        return Fault.STALL;
      }
      return Fault.NONE;
    };
  }

  /**
   * A plan that answers the first requests with the given faults, and normally after them.
   *
   * @param faults the faults, in order
   * @return the plan
   */
  static FaultPlan scripted(Fault... faults) {
    Deque<Fault> remaining = new ArrayDeque<>(Arrays.asList(faults));
    return () -> remaining.isEmpty() ? Fault.NONE : remaining.removeFirst();
  }
}
