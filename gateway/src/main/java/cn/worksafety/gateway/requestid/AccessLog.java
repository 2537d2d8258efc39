package cn.worksafety.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The one line written per request, whichever path served it. */
public final class AccessLog {
  private static final Logger log = LoggerFactory.getLogger("cn.worksafety.gateway.access");

  private AccessLog() {}

  /** {@code status} null: no answer was written (the caller went away). */
  public static void write(String method, String path, Integer status, long startNanos, String requestId) {
    if (!log.isInfoEnabled()) {
      return;
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    MDC.put(RequestIds.MDC_KEY, requestId);
    try {
      log.info("{} {} {} {}ms requestId={}", method, path, status == null ? "-" : status, millis, requestId);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }
}
