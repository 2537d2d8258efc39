package cn.worksafety.gateway.publicquery;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelPool;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import reactor.netty.resources.LoopResources;

/**
 * Kept connections from the gateway to a service, one pool per event loop: a request is sent and
 * answered on the loop of the connection it came in on, so no answer crosses threads (on two shared
 * cores the hand-over between loops cost as much as the rest of the hop). Netty's own channel pool
 * does the keeping; a connection idle for {@code maxIdle} is closed before the service's keep-alive
 * timeout closes it under a request.
 */
final class ServiceConnections {
  /** A service answer larger than this is refused (the public API's pages are a few kilobytes). */
  static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
  /** Reactor Netty's own default, which the gateway's routes get when none is configured. */
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  /** As the routes' pool is configured: well under the services' keep-alive timeout (Tomcat's, 60 s unless set). */
  private static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(15);

  private final LoopResources loops;
  private final Duration connectTimeout;
  private final Duration maxIdle;
  private final AbstractChannelPoolMap<Key, SimpleChannelPool> pools = new AbstractChannelPoolMap<>() {
    @Override
    protected SimpleChannelPool newPool(Key key) {
      return new SimpleChannelPool(bootstrap(key.loop()).remoteAddress(key.address()), new Handlers());
    }
  };
  /** Names are resolved without blocking the loop, as Reactor Netty's own client does. */
  private DnsAddressResolverGroup resolver;

  private record Key(EventLoop loop, InetSocketAddress address) {}

  /** Connections set up as the gateway's HTTP client for its routes is configured. */
  static ServiceConnections configuredAs(HttpClientProperties client, LoopResources loops) {
    return new ServiceConnections(loops,
        client.getConnectTimeout() == null ? DEFAULT_CONNECT_TIMEOUT : Duration.ofMillis(client.getConnectTimeout()),
        client.getPool().getMaxIdleTime() == null ? DEFAULT_MAX_IDLE : client.getPool().getMaxIdleTime());
  }

  /** {@code loops}: the server's, to learn which transport (epoll, io_uring, NIO) its loops run. */
  ServiceConnections(LoopResources loops, Duration connectTimeout, Duration maxIdle) {
    this.loops = loops;
    this.connectTimeout = connectTimeout;
    this.maxIdle = maxIdle;
  }

  private synchronized Bootstrap bootstrap(EventLoop loop) {
    if (resolver == null) {
      resolver = new DnsAddressResolverGroup(new DnsNameResolverBuilder()
          .datagramChannelType(loops.onChannelClass(DatagramChannel.class, loop)));
    }
    return new Bootstrap().group(loop)
        .channel(loops.onChannelClass(SocketChannel.class, loop))
        .resolver(resolver)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
  }

  /**
   * Sends {@code request} over a kept (or new) connection of {@code loop} and completes, on that
   * loop, with the whole answer (the caller releases it) or with why there is none: the connection
   * could not be made or was lost ({@link IOException}s), or no answer came within {@code timeout}
   * ({@link TimeoutException}).
   */
  CompletableFuture<FullHttpResponse> exchange(EventLoop loop, InetSocketAddress address, FullHttpRequest request,
      Duration timeout) {
    CompletableFuture<FullHttpResponse> answer = new CompletableFuture<>();
    ChannelPool pool = pools.get(new Key(loop, address));
    pool.acquire().addListener((Future<Channel> acquired) -> {
      if (!acquired.isSuccess()) {
        request.release();
        answer.completeExceptionally(acquired.cause());
        return;
      }
      Channel channel = acquired.getNow();
      Exchange exchange = new Exchange(pool, channel, channel.pipeline().get(AnswerHandler.class), answer);
      exchange.answers.current = exchange;
      exchange.timeout = loop.schedule(() -> exchange.fail(
          new TimeoutException("no answer within " + timeout.toMillis() + " ms"), true), timeout.toMillis(),
          TimeUnit.MILLISECONDS);
      channel.writeAndFlush(request).addListener(written -> {
        if (!written.isSuccess()) {
          exchange.fail(new IOException("the request could not be sent", written.cause()), true);
        }
      });
    });
    return answer;
  }

  void close() {
    pools.close();
    if (resolver != null) {
      resolver.close();
    }
  }

  /** One request on one connection, ended once: answered, failed or timed out. */
  private static final class Exchange {
    private final ChannelPool pool;
    private final Channel channel;
    private final AnswerHandler answers;
    private final CompletableFuture<FullHttpResponse> answer;
    private ScheduledFuture<?> timeout;
    private boolean ended;

    Exchange(ChannelPool pool, Channel channel, AnswerHandler answers, CompletableFuture<FullHttpResponse> answer) {
      this.pool = pool;
      this.channel = channel;
      this.answers = answers;
      this.answer = answer;
    }

    void answered(FullHttpResponse response) {
      if (end(!HttpUtil.isKeepAlive(response))) {
        answer.complete(response.retain());
      }
    }

    void fail(Throwable cause, boolean closeConnection) {
      if (end(closeConnection)) {
        answer.completeExceptionally(cause);
      }
    }

    private boolean end(boolean closeConnection) {
      if (ended) {
        return false;
      }
      ended = true;
      if (timeout != null) {
        timeout.cancel(false);
      }
      answers.current = null;
      if (closeConnection) {
        channel.close();
      }
      pool.release(channel);
      return true;
    }
  }

  private final class Handlers extends AbstractChannelPoolHandler {
    @Override
    public void channelCreated(Channel channel) {
      channel.pipeline().addLast(
          new IdleStateHandler(0, 0, maxIdle.toMillis(), TimeUnit.MILLISECONDS),
          new HttpClientCodec(),
          new HttpObjectAggregator(MAX_ANSWER_BYTES),
          new AnswerHandler());
    }
  }

  /** Hands the connection's answers, and its loss, to the exchange in progress on it. */
  private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    private Exchange current;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      if (current != null) {
        current.answered(response);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (current != null) {
        current.fail(new IOException("the service closed the connection before answering"), false);
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (current != null) {
        current.fail(cause, true); // a lost connection is an IOException (tried again), a garbled answer not
      } else {
        ctx.close();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof IdleStateEvent && current == null) {
        ctx.close();
      }
    }
  }
}
