package cn.worksafety.gateway.publicquery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;

/**
 * One public request sent on to the service under route {@code public}'s rules, as Spring Cloud
 * Gateway applies them to the route: the bulkhead and the circuit breaker let it in or not, the
 * time limit covers every try, a try that meets a failure the route retries is tried again after
 * the route's backoff, and a status the breaker counts is a failure, not an answer. Runs wholly on
 * the connection's event loop; ends once, with the service's answer or with why there is none.
 */
final class PublicCall {
  /** What a try needs: where to send (resolved per try, as the load balancer may choose another instance). */
  record Target(InetSocketAddress address, String authority) {}

  private final EventLoop loop;
  private final HttpMethod method;
  private final PublicRouteSettings route;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final ServiceConnections connections;
  private final Supplier<CompletableFuture<Target>> targets;
  private final Function<Target, FullHttpRequest> requests;
  private final CompletableFuture<PublicAnswer> outcome = new CompletableFuture<>();
  private long startNanos;
  private int tries;
  private ScheduledFuture<?> timeLimit;

  PublicCall(EventLoop loop, HttpMethod method, PublicRouteSettings route, CircuitBreaker breaker, Bulkhead bulkhead,
      ServiceConnections connections, Supplier<CompletableFuture<Target>> targets,
      Function<Target, FullHttpRequest> requests) {
    this.loop = loop;
    this.method = method;
    this.route = route;
    this.breaker = breaker;
    this.bulkhead = bulkhead;
    this.connections = connections;
    this.targets = targets;
    this.requests = requests;
  }

  /**
   * Completes on the loop with the service's answer, or exceptionally with {@link
   * BulkheadFullException}, {@link CallNotPermittedException}, {@link TimeoutException} (the time
   * limit) or the last try's failure.
   */
  CompletableFuture<PublicAnswer> run(Duration limit) {
    if (!bulkhead.tryAcquirePermission()) {
      outcome.completeExceptionally(BulkheadFullException.createBulkheadFullException(bulkhead));
      return outcome;
    }
    if (!breaker.tryAcquirePermission()) {
      bulkhead.onComplete();
      outcome.completeExceptionally(CallNotPermittedException.createCallNotPermittedException(breaker));
      return outcome;
    }
    startNanos = System.nanoTime();
    timeLimit = loop.schedule(() -> failed(new TimeoutException("no answer within the time limit of "
        + limit.toMillis() + " ms")), limit.toMillis(), TimeUnit.MILLISECONDS);
    tryOnce();
    return outcome;
  }

  private void tryOnce() {
    tries++;
    targets.get().whenComplete((target, noTarget) -> PublicExchange.onLoop(loop, () -> {
      if (outcome.isDone()) {
        return;
      }
      if (noTarget != null) {
        failedTry(noTarget);
        return;
      }
      connections.exchange(loop, target.address(), requests.apply(target), route.responseTimeout())
          .whenComplete((response, failure) -> {
            if (failure != null) {
              failedTry(failure);
            } else {
              answered(response);
            }
          });
    }));
  }

  private void answered(FullHttpResponse response) {
    try {
      if (outcome.isDone()) {
        return;
      }
      int status = response.status().code();
      if (route.breakerCounts(status)) {
        failedTry(new PublicRouteSettings.FailedStatus(status));
      } else {
        succeeded(PublicAnswer.fromService(response));
      }
    } finally {
      response.release();
    }
  }

  private void failedTry(Throwable failure) {
    if (outcome.isDone()) {
      return;
    }
    if (route.triesAgain(method, tries, failure)) {
      loop.schedule(this::tryOnce, route.backoffAfter(tries).toMillis(), TimeUnit.MILLISECONDS);
    } else {
      failed(failure);
    }
  }

  private void succeeded(PublicAnswer answer) {
    end();
    breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    outcome.complete(answer);
  }

  private void failed(Throwable failure) {
    if (outcome.isDone()) {
      return;
    }
    end();
    breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, failure);
    outcome.completeExceptionally(failure);
  }

  private void end() {
    timeLimit.cancel(false);
    bulkhead.onComplete();
  }
}
