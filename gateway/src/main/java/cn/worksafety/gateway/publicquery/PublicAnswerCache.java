package cn.worksafety.gateway.publicquery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The last good answers of the public query API, kept for a short while so that the public page
 * still answers, marked with their age, when credit-service is down. Never used while it is up.
 */
@Component
public class PublicAnswerCache {
  /** Answers larger than this are not kept (a page of results is a few kilobytes). */
  static final int MAX_BODY_BYTES = 256 * 1024;
  /** Tells the caller, and the page, that the answer is a kept copy and from when. */
  public static final String DATA_AS_OF_HEADER = "X-Data-As-Of";
  /** A kept answer is never to be stored further along: it is already old. */
  public static final String KEPT_ANSWER_CACHE_CONTROL = "no-store";
  /** The service behind the public query, as named in its "unavailable" problem. */
  public static final String SERVICE = "credit-service (public credit query)";

  /** {@code contentType}: the service's Content-Type header as sent, or null. */
  public record Answer(byte[] body, String contentType, Instant at) {}

  private final Cache<String, Answer> answers;

  public PublicAnswerCache(@Value("${app.public-cache.ttl:10m}") Duration ttl,
      @Value("${app.public-cache.max-answers:20000}") long maxAnswers) {
    this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxAnswers).build();
  }

  /** Answers are kept per path and query, as the caller wrote them. */
  public static String keyOf(URI uri) {
    return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /** An answer to keep: a 200 to a GET that is not itself a kept copy (those carry {@link #DATA_AS_OF_HEADER}). */
  static boolean worthKeeping(HttpMethod method, int status, boolean markedAsKept) {
    return method == HttpMethod.GET && status == 200 && !markedAsKept;
  }

  void keep(String pathAndQuery, byte[] body, String contentType) {
    if (body.length <= MAX_BODY_BYTES) {
      answers.put(pathAndQuery, new Answer(body, contentType, Instant.now()));
    }
  }

  public Optional<Answer> last(String pathAndQuery) {
    return Optional.ofNullable(answers.getIfPresent(pathAndQuery));
  }
}
