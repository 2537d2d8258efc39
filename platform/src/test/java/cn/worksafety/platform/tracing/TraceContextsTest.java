package cn.worksafety.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.RatingChanged;
import cn.worksafety.platform.outbox.CloudEventEnvelopes;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import cn.worksafety.platform.outbox.OutboxProperties;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The trace of a request reaches the CloudEvent it caused, and the event's handler continues it. */
class TraceContextsTest {
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  private final io.opentelemetry.api.trace.Tracer otelTracer = otel.getTracer("test");
  private final Tracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> {});
  private final TraceContexts traces = new TraceContexts(tracer, new OtelPropagator(otel.getPropagators(), otelTracer));
  private final JsonMapper json = JsonMapper.builder().build();

  @AfterEach
  void close() {
    otel.close();
  }

  @Test
  void anEventWrittenInARequestCarriesItsTraceparentAndItsHandlerContinuesTheTrace() {
    Outbox outbox = new Outbox(json, Clock.systemUTC(), null, traces);
    CloudEventEnvelopes envelopes = new CloudEventEnvelopes(json, Clock.systemUTC(),
        new OutboxProperties("credit.events", "/credit-service", List.of("credit_files"),
            Duration.ofMillis(200), Duration.ofHours(6), Duration.ofSeconds(15), Duration.ofSeconds(60), 256, true,
            Duration.ofSeconds(10), Duration.ofSeconds(30)));
    Span request = tracer.nextSpan().name("POST /cases").start();
    OutboxEntry entry;
    try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
      entry = outbox.entry(EventType.RATING_CHANGED, "914403001922038216",
          new RatingChanged("914403001922038216", "B", 80, "A", 95, "v1", OffsetDateTime.now()));
    } finally {
      request.end();
    }
    String traceId = request.context().traceId();
    assertThat(entry.traceparent()).startsWith("00-" + traceId + "-");
    String published = envelopes.envelope(entry, 7);
    String carried = json.readTree(published).path("traceparent").asString();
    assertThat(carried).isEqualTo(entry.traceparent());

    AtomicReference<Span> handling = new AtomicReference<>();
    traces.continueTrace(carried, "credit.inbox", () -> handling.set(tracer.currentSpan()));
    assertThat(handling.get().context().traceId()).isEqualTo(traceId);
    assertThat(handling.get().context().parentId()).isEqualTo(request.context().spanId());
  }

  @Test
  void withoutATracerNothingIsCarriedAndWorkStillRuns() {
    AtomicReference<Boolean> ran = new AtomicReference<>(false);
    TraceContexts.off().continueTrace("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "x",
        () -> ran.set(true));
    assertThat(ran.get()).isTrue();
    assertThat(TraceContexts.off().current()).isEmpty();
  }
}
