package cn.worksafety.gateway.problem;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem straight onto an exchange (for code that runs outside a controller, such as the
 * security filters), through the same codecs as controllers so the JSON looks the same.
 */
@Component
public class ProblemResponses {
  private final ServerResponse.Context context;

  public ProblemResponses(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.context = new ServerResponse.Context() {
      @Override
      public List<HttpMessageWriter<?>> messageWriters() {
        return writers;
      }

      @Override
      public List<ViewResolver> viewResolvers() {
        return List.of();
      }
    };
  }

  public static Mono<ServerResponse> response(ProblemDetail problem) {
    return ServerResponse.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem);
  }

  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
    return response(problem).flatMap(r -> r.writeTo(exchange, context));
  }
}
