package cn.worksafety.gateway.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} rules shared with the services. */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";
  /** Exchange attribute holding the id, for code that sees the exchange before the id was added to it. */
  public static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  /** The caller's id when it is safe to log and pass on, otherwise a fresh one. */
  public static String acceptOrCreate(String candidate) {
    return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
  }
}
