package cn.worksafety.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Carries the W3C trace context across the broker: an event stored in the outbox keeps the
 * {@code traceparent} of the request that caused it, and whoever handles the event continues that
 * trace. Without a tracer (tracing switched off) both are no-ops.
 */
@Component
public class TraceContexts {
  static final String TRACEPARENT = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;

  @Autowired
  public TraceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this(tracer.getIfAvailable(), propagator.getIfAvailable());
  }

  public TraceContexts(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  public static TraceContexts off() {
    return new TraceContexts((Tracer) null, null);
  }

  /** The {@code traceparent} of the work in hand, if it is traced. */
  public Optional<String> current() {
    Span span = tracer == null ? null : tracer.currentSpan();
    if (span == null || propagator == null) {
      return Optional.empty();
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(span.context(), carrier, Map::put);
    return Optional.ofNullable(carrier.get(TRACEPARENT));
  }

  /** Runs {@code work} in a span named {@code name} that continues the trace of {@code traceparent}. */
  public void continueTrace(String traceparent, String name, Runnable work) {
    if (traceparent == null || tracer == null || propagator == null) {
      work.run();
      return;
    }
    Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).kind(Span.Kind.CONSUMER)
        .start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      work.run();
    } catch (RuntimeException | Error e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }
}
