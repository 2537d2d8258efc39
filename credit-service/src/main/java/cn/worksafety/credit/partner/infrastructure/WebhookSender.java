package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.credit.partner.application.WebhookUrlPolicy;
import cn.worksafety.credit.partner.model.Webhook;
import cn.worksafety.platform.problem.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
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
 * lead past the URL policy to an internal address. The connection goes only to addresses the policy
 * resolved and checked for it (Apache HttpClient takes the resolver; Java's own client cannot), so a
 * name that answers differently between the check and the connection gains nothing.
 */
@Component
public class WebhookSender {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);
  private static final ContentType CLOUD_EVENT = ContentType.create("application/cloudevents+json");

  private final CloseableHttpClient http;
  private final WebhookUrlPolicy policy;
  private final RetryTemplate retries;
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
    this.http = client(policy, Timeout.of(timeout));
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

  private static CloseableHttpClient client(WebhookUrlPolicy policy, Timeout timeout) {
    DnsResolver checkedAddresses = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return policy.addressesToConnect(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(checkedAddresses)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT)
                .setSocketTimeout(timeout).build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
        .disableRedirectHandling()
        .disableAutomaticRetries() // the attempts are counted here, with their backoff
        .build();
  }

  @PreDestroy
  void close() throws IOException {
    http.close();
  }

  private void post(Webhook webhook, byte[] body, String eventId) throws IOException {
    policy.check(webhook.url().toString());
    long timestamp = clock.instant().getEpochSecond();
    ClassicHttpRequest request = ClassicRequestBuilder.post(webhook.url())
        .setHeader("X-Webhook-Id", eventId == null ? "" : eventId)
        .setHeader("X-Webhook-Timestamp", Long.toString(timestamp))
        .setHeader("X-Webhook-Signature", webhook.sign(timestamp, body))
        .setEntity(body, CLOUD_EVENT).build();
    int status = http.execute(request, response -> {
      EntityUtils.consume(response.getEntity());
      return response.getCode();
    });
    if (status / 100 != 2) {
      // without the query, which may carry the department's own token
      throw new IOException(webhook.url().getScheme() + "://" + webhook.url().getAuthority() + webhook.url().getPath()
          + " answered " + status);
    }
  }
}
