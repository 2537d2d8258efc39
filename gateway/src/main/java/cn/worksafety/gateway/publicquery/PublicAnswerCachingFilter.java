package cn.worksafety.gateway.publicquery;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Copies each good answer of the public route into the {@link PublicAnswerCache} on its way out. */
@Component
public class PublicAnswerCachingFilter implements GlobalFilter, Ordered {
  /** The route of the public query API (application.yml). */
  public static final String PUBLIC_ROUTE = "public";

  private final PublicAnswerCache cache;

  public PublicAnswerCachingFilter(PublicAnswerCache cache) {
    this.cache = cache;
  }

  /** Before the filter that writes the service's answer out, so the answer passes through here. */
  @Override
  public int getOrder() {
    return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    if (route == null || !PUBLIC_ROUTE.equals(route.getId()) || exchange.getRequest().getMethod() != HttpMethod.GET) {
      return chain.filter(exchange);
    }
    String key = PublicAnswerCache.keyOf(exchange.getRequest().getURI());
    return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), key)).build());
  }

  /** The answer to a GET on the public route. */
  private final class Keeping extends ServerHttpResponseDecorator {
    private final String key;

    Keeping(ServerHttpResponse delegate, String key) {
      super(delegate);
      this.key = key;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      HttpStatusCode status = getStatusCode();
      if (status == null || !PublicAnswerCache.worthKeeping(HttpMethod.GET, status.value(),
          getHeaders().containsHeader(PublicAnswerCache.DATA_AS_OF_HEADER))) {
        return super.writeWith(body);
      }
      return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        cache.keep(key, bytes, getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
      });
    }
  }
}
