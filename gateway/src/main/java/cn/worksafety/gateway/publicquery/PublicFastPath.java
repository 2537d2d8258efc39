package cn.worksafety.gateway.publicquery;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Sits in each connection's pipeline right after the HTTP codec, in front of Reactor Netty: the
 * requests {@link PublicQueryProxy} takes it answers itself, every other request it passes on
 * untouched. Answers leave in the order the requests came: while one of its own is being answered
 * what arrives next waits here, and while Reactor Netty has a request it has not answered yet, the
 * next requests go to Reactor Netty too.
 */
final class PublicFastPath extends ChannelDuplexHandler {
  static final String NAME = "public-fast-path";
  /** Past this many held messages a connection that reads by itself stops reading until they are served. */
  private static final int MOST_HELD = 16;

  private final PublicQueryProxy proxy;
  /** Requests passed on whose answers are not yet written. */
  private int passedOn;
  private boolean answering;
  /** Skipping the rest (an empty last part) of a request answered here. */
  private boolean skippingContent;
  private boolean readingPaused;
  private final ArrayDeque<Object> held = new ArrayDeque<>(0);

  PublicFastPath(PublicQueryProxy proxy) {
    this.proxy = proxy;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (answering || !held.isEmpty()) {
      held.add(message);
      if (held.size() >= MOST_HELD && ctx.channel().config().isAutoRead()) {
        ctx.channel().config().setAutoRead(false);
        readingPaused = true;
      }
      return;
    }
    dispatch(ctx, message);
  }

  private void dispatch(ChannelHandlerContext ctx, Object message) {
    if (message instanceof HttpRequest request) {
      if (passedOn == 0 && request.decoderResult().isSuccess() && proxy.takes(request)) {
        answering = true;
        skippingContent = !(message instanceof LastHttpContent);
        ReferenceCountUtil.release(message);
        readOnIfIdle(ctx);
        proxy.answer(ctx, request, answer -> send(ctx, request, answer));
        return;
      }
      passedOn++;
    } else if (skippingContent && message instanceof HttpContent) {
      skippingContent = !(message instanceof LastHttpContent);
      ReferenceCountUtil.release(message);
      readOnIfIdle(ctx);
      return;
    }
    ctx.fireChannelRead(message);
  }

  /** Writes an answer of this path (on the loop) and goes on with what waited for it. */
  private void send(ChannelHandlerContext ctx, HttpRequest request, PublicAnswer answer) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    boolean head = request.method().equals(HttpMethod.HEAD);
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(answer.status()), head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()),
        answer.headers(), EmptyHttpHeaders.INSTANCE);
    if (!head) {
      HttpUtil.setContentLength(response, answer.body().length);
    }
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(response);
    answering = false;
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
      return;
    }
    while (!answering && !held.isEmpty()) {
      dispatch(ctx, held.poll());
    }
    if (readingPaused && held.isEmpty()) {
      readingPaused = false;
      ctx.channel().config().setAutoRead(true);
    }
    readOnIfIdle(ctx);
  }

  /**
   * Asks for more of the connection when nothing else will. Reactor Netty reads a connection only
   * when it asks to (it turns the channel's auto-read off) and it asks after answering its own
   * requests; after the requests answered here, this path has to.
   */
  private void readOnIfIdle(ChannelHandlerContext ctx) {
    if ((!answering || skippingContent) && passedOn == 0 && held.isEmpty()
        && !ctx.channel().config().isAutoRead()) {
      ctx.read();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
    if (message instanceof LastHttpContent && passedOn > 0 && !isInterim(message)) {
      passedOn--;
    }
    ctx.write(message, promise);
  }

  private static boolean isInterim(Object message) {
    return message instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    held.forEach(ReferenceCountUtil::release);
    held.clear();
  }
}
