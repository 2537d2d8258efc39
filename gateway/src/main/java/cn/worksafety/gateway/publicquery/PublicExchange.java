package cn.worksafety.gateway.publicquery;

import cn.worksafety.gateway.requestid.AccessLog;
import cn.worksafety.gateway.requestid.RequestIds;
import io.micrometer.tracing.Span;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpRequest;
import java.util.function.Consumer;
import org.springframework.http.HttpMethod;

/**
 * One request the fast path answers: what was asked, by which id and in which trace, and its
 * answer, given once: written, logged on the access log, counted, its span ended.
 */
final class PublicExchange {
  final HttpRequest request;
  final HttpMethod method;
  final String pathAndQuery;
  final String path;
  final String requestId;
  /** Null without tracing. */
  final Span span;
  private final ChannelHandlerContext ctx;
  private final long startNanos = System.nanoTime();
  private final Consumer<PublicAnswer> send;
  private final PublicRequestMetrics metrics;
  private final FastPathDrain drain;
  private boolean answered;

  PublicExchange(ChannelHandlerContext ctx, HttpRequest request, String path, String requestId, Span span,
      Consumer<PublicAnswer> send, PublicRequestMetrics metrics, FastPathDrain drain) {
    this.ctx = ctx;
    this.request = request;
    this.method = HttpMethod.valueOf(request.method().name());
    this.pathAndQuery = request.uri();
    this.path = path;
    this.requestId = requestId;
    this.span = span;
    this.send = send;
    this.metrics = metrics;
    this.drain = drain;
    drain.started();
  }

  EventLoop loop() {
    return ctx.channel().eventLoop();
  }

  ChannelHandlerContext connection() {
    return ctx;
  }

  /** Gives the answer; later calls (an error while giving it) change nothing. On the loop. */
  void answer(PublicAnswer answer) {
    if (answered) {
      return;
    }
    answered = true;
    drain.finished();
    answer.headers().set(RequestIds.HEADER, requestId);
    boolean open = ctx.channel().isActive();
    send.accept(answer);
    AccessLog.write(method.name(), path, open ? answer.status() : null, startNanos, requestId);
    metrics.record(method, answer.status(), System.nanoTime() - startNanos);
    if (span != null) {
      span.tag("http.response.status_code", Integer.toString(answer.status())).end();
    }
  }

  /** Runs {@code step} on the connection's loop: at once when already there. */
  void onLoop(Runnable step) {
    onLoop(loop(), step);
  }

  /** Runs {@code step} on {@code loop}: at once when already there. */
  static void onLoop(EventLoop loop, Runnable step) {
    if (loop.inEventLoop()) {
      step.run();
    } else {
      loop.execute(step);
    }
  }
}
