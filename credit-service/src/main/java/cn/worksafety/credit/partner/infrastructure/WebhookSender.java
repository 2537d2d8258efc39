package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.credit.partner.application.WebhookUrlPolicy;
import cn.worksafety.credit.partner.model.Webhook;
import cn.worksafety.platform.problem.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Posts one event to a webhook, signed, and tries again with exponential backoff until the
 * department answers 2xx or the attempts are used up. Redirects are not followed: a redirect could
 * lead past the URL policy to an internal address.
 */
@Component
public class WebhookSender {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final WebhookUrlPolicy policy;
  private final RetryTemplate retries;
  private final Duration timeout;
  private final Clock clock;
  private final Counter delivered;
  private final Counter failed;

  public WebhookSender(WebhookUrlPolicy policy, Clock clock, MeterRegistry metrics,
      @Value("${app.webhooks.attempts:6}") int attempts,
      @Value("${app.webhooks.initial-backoff:1s}") Duration initialBackoff,
      @Value("${app.webhooks.max-backoff:60s}") Duration maxBackoff,
      @Value("${app.webhooks.timeout:10s}") Duration timeout) {
    if (attempts < 1) {
      throw new IllegalArgumentException("app.webhooks.attempts must be at least 1, not " + attempts);
    }
    this.policy = policy;
    this.clock = clock;
    this.timeout = timeout;
    // what the department's end does is tried again; anything else (the store, say) is no fault of the event
    this.retries = new RetryTemplate(RetryPolicy.builder().maxRetries(attempts - 1L).delay(initialBackoff)
        .multiplier(2).maxDelay(maxBackoff).includes(IOException.class, DomainException.class).build());
    this.delivered = Counter.builder("credit.webhooks.delivered").register(metrics);
    this.failed = Counter.builder("credit.webhooks.dead-lettered")
        .description("events a webhook did not take after every attempt").register(metrics);
  }

  /**
   * True once the department answered 2xx; false when every attempt failed (no answer, not 2xx, a URL
   * the policy now refuses). The webhook is read afresh for each attempt, so a secret renewed
   * meanwhile signs the next one. Any other failure is thrown: the event goes back to the queue.
   */
  public boolean deliver(String partner, Supplier<Optional<Webhook>> webhook, byte[] body, String eventId) {
    try {
      retries.execute(() -> {
        post(webhook.get().orElseThrow(() -> new IOException("the department was removed")), body, eventId);
        return null;
      });
      delivered.increment();
      return true;
    } catch (RetryException e) {
      if (e.getLastException() instanceof RuntimeException other && !(other instanceof DomainException)) {
        throw other;
      }
      failed.increment();
      log.warn("webhook of {}: event {} not delivered after every attempt, to its dead-letter queue: {}", partner,
          eventId, e.getCause() == null ? e.toString() : e.getCause().toString());
      return false;
    }
  }

  private void post(Webhook webhook, byte[] body, String eventId) throws IOException, InterruptedException {
    policy.check(webhook.url().toString());
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(webhook.url()).timeout(timeout)
        .header("Content-Type", "application/cloudevents+json")
        .header("X-Webhook-Id", eventId == null ? "" : eventId)
        .header("X-Webhook-Timestamp", Long.toString(timestamp))
        .header("X-Webhook-Signature", webhook.sign(timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 != 2) {
      // without the query, which may carry the department's own token
      throw new IOException(webhook.url().getScheme() + "://" + webhook.url().getAuthority() + webhook.url().getPath()
          + " answered " + status);
    }
  }
}
