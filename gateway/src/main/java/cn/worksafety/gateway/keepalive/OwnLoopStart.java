package cn.worksafety.gateway.keepalive;

import java.util.concurrent.Executor;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerRequest;

/**
 * Starts the handling of every request of the WebFlux routes in a task of its own on its
 * connection's event loop (a decorator of the whole handler). The public fast path never goes
 * through Reactor Netty's dispatch and needs none of this.
 *
 * <p>Why: a browser keeps its connection and sends the next request as soon as it has an answer.
 * An answer written from another thread (every proxied answer arrives on the HTTP client's thread)
 * can reach the browser before Reactor Netty has finished with it, so the next request is held back
 * and dispatched later from the loop's own queue. If that request is then answered at once, still
 * inside the dispatch (a 401, 403 or 429 is), Reactor Netty 1.3.6 never reads the connection again
 * and the browser's request after it waits until it gives up (reactor/reactor-netty#4361).
 * Started in a task of its own, no request is answered inside that dispatch. RateLimitTest's
 * kept-connection tests fail without it; drop it once a Reactor Netty release with the fix is in use.
 */
@Component
public class OwnLoopStart implements HttpHandlerDecoratorFactory {

  @Override
  public HttpHandler apply(HttpHandler handler) {
    return (request, response) -> {
      if (request instanceof AbstractServerHttpRequest server
          && server.getNativeRequest() instanceof HttpServerRequest netty) {
        return startOnOwnLoop(netty, Mono.defer(() -> handler.handle(request, response)));
      }
      return handler.handle(request, response);
    };
  }

  /** {@code handling}, subscribed to in a task of its own on the request's connection's event loop. */
  private static <T> Mono<T> startOnOwnLoop(HttpServerRequest request, Mono<T> handling) {
    Executor[] loop = new Executor[1];
    request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
    return handling.subscribeOn(Schedulers.fromExecutor(loop[0]));
  }
}
