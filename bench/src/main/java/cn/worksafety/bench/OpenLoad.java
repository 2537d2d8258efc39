package cn.worksafety.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Requests at a fixed rate, whatever the answers do (an open loop): each latency counts from when
 * the request was due, not when it was sent, so a server that stalls is charged for the requests
 * that queued behind the stall (no coordinated omission). At most {@link #MAX_IN_FLIGHT} requests
 * are open at once, on as many kept connections, as a browser population behind a proxy would
 * hold them; a request due while all are busy waits for one, and that wait is in its latency.
 *
 * <p>Netty on one event-loop thread, which alone touches the state below: the client shares the
 * machine's cores with what it measures, so its own CPU per request must be small, and it is
 * measured and reported ({@link Outcome#loopCpuMicrosPerRequest()}). Java's HttpClient, used
 * before, hands every request and answer between threads and cost several times as much.
 */
final class OpenLoad {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);
  private static final Duration LAST_ANSWERS = Duration.ofSeconds(60);
  private static final AttributeKey<Long> DUE = AttributeKey.valueOf("due");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static final int MAX_IN_FLIGHT = 64;

  /**
   * What came back, and the client's CPU: its own thread's ({@code loopCpuNanos}) and this whole
   * JVM's over the run ({@code processCpuNanos}: with the JIT, the collector and anything else here).
   */
  record Outcome(Histogram latencies, long due, Map<Integer, Long> statuses, long failures, long loopCpuNanos,
      long processCpuNanos) {
    long ok() {
      return statuses.getOrDefault(200, 0L);
    }

    double p(double percentile) {
      return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double loopCpuMicrosPerRequest() {
      return due == 0 ? Double.NaN : loopCpuNanos / 1000.0 / due;
    }

    double processCpuMicrosPerRequest() {
      return due == 0 ? Double.NaN : processCpuNanos / 1000.0 / due;
    }
  }

  Outcome run(URI base, Supplier<String> paths, int perSecond, Duration duration) throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      long cpuBefore = processCpuNanos();
      Run run = new Run(base, paths, perSecond, perSecond * duration.toSeconds(), group.next());
      Outcome outcome;
      try {
        outcome = run.start(group).get(duration.plus(LAST_ANSWERS).toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        outcome = run.giveUp().get(10, TimeUnit.SECONDS);
      }
      return new Outcome(outcome.latencies(), outcome.due(), outcome.statuses(), outcome.failures(),
          outcome.loopCpuNanos(), processCpuNanos() - cpuBefore);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** One run's state; every method runs on {@link #loop}. */
  private static final class Run extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final URI base;
    private final String host;
    private final Supplier<String> paths;
    private final long interval;
    private final long due;
    private final EventLoop loop;
    private final Histogram latencies = new Histogram(MAX_MICROS, 3);
    private final Map<Integer, Long> statuses = new TreeMap<>();
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Long> waiting = new ArrayDeque<>();
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();
    private Bootstrap bootstrap;
    private ScheduledFuture<?> ticks;
    private long start;
    private long cpuAtStart;
    private long issued;
    private long answered;
    private long failures;
    private int connections;

    Run(URI base, Supplier<String> paths, int perSecond, long due, EventLoop loop) {
      this.base = base;
      this.host = base.getHost() + ":" + base.getPort();
      this.paths = paths;
      this.interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
      this.due = due;
      this.loop = loop;
    }

    @Override
    public boolean isSharable() {
      return true;
    }

    CompletableFuture<Outcome> start(EventLoopGroup group) {
      bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), Run.this);
            }
          });
      loop.execute(() -> {
        start = System.nanoTime();
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        tick();
      });
      return done;
    }

    CompletableFuture<Outcome> giveUp() {
      loop.execute(() -> finish(due - answered));
      return done;
    }

    /**
     * Queues every request due by now, sends as many as there are free connections, and wakes again
     * when the next one is due (not on a fixed tick: every wake costs CPU on the shared cores).
     */
    private void tick() {
      long now = System.nanoTime();
      while (issued < due && start + issued * interval <= now) {
        waiting.add(start + issued * interval);
        issued++;
      }
      sendWaiting();
      if (issued < due) {
        ticks = loop.schedule(this::tick, start + issued * interval - now, TimeUnit.NANOSECONDS);
      }
    }

    private void sendWaiting() {
      while (!waiting.isEmpty() && !idle.isEmpty()) {
        Channel channel = idle.poll();
        long dueAt = waiting.poll();
        channel.attr(DUE).set(dueAt);
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
            paths.get(), Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.ACCEPT, "application/json");
        channel.writeAndFlush(request);
      }
      while (!waiting.isEmpty() && connections < MAX_IN_FLIGHT) {
        connect();
      }
    }

    private void connect() {
      connections++;
      bootstrap.connect(base.getHost(), base.getPort()).addListener((ChannelFutureListener) connected -> {
        if (connected.isSuccess()) {
          idle.add(connected.channel());
          sendWaiting();
        } else {
          connections--;
          if (!waiting.isEmpty()) {
            answer(waiting.poll(), -1);
          }
        }
      });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      Long dueAt = ctx.channel().attr(DUE).getAndSet(null);
      if (dueAt == null) {
        return;
      }
      answer(dueAt, response.status().code());
      idle.add(ctx.channel());
      sendWaiting();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      connections--;
      idle.remove(ctx.channel());
      Long dueAt = ctx.channel().attr(DUE).getAndSet(null);
      if (dueAt != null) {
        answer(dueAt, -1);
      }
      sendWaiting();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    /** One request done: its latency from when it was due, and its status (-1: no answer). */
    private void answer(long dueAt, int status) {
      latencies.recordValue(Math.min(MAX_MICROS, Math.max(1, (System.nanoTime() - dueAt) / 1000)));
      if (status < 0) {
        failures++;
      } else {
        statuses.merge(status, 1L, Long::sum);
      }
      if (++answered == due) {
        finish(0);
      }
    }

    private void finish(long unanswered) {
      if (ticks != null) {
        ticks.cancel(false);
      }
      done.complete(new Outcome(latencies.copy(), due, new TreeMap<>(statuses), failures + unanswered,
          THREADS.getCurrentThreadCpuTime() - cpuAtStart, 0));
    }
  }
}
