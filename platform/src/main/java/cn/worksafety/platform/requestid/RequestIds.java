package cn.worksafety.platform.requestid;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The {@code X-Request-Id} of the work in hand, kept in the logging context (MDC key {@code requestId}). */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  public static Optional<String> current() {
    return Optional.ofNullable(MDC.get(MDC_KEY));
  }

  /** The caller's id when it is safe to log and pass on, otherwise a fresh one. */
  public static String acceptOrCreate(String candidate) {
    return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
  }

  /** Runs {@code work} with the given request id in the logging context. */
  public static void within(String requestId, Runnable work) {
    String previous = MDC.get(MDC_KEY);
    MDC.put(MDC_KEY, acceptOrCreate(requestId));
    try {
      work.run();
    } finally {
      if (previous == null) {
        MDC.remove(MDC_KEY);
      } else {
        MDC.put(MDC_KEY, previous);
      }
    }
  }
}
