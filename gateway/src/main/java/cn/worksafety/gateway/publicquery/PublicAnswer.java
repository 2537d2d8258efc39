package cn.worksafety.gateway.publicquery;

import cn.worksafety.gateway.problem.ProblemJson;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

/** An answer of the fast path, complete before it is written: the service's, a kept one, or a problem. */
record PublicAnswer(int status, HttpHeaders headers, byte[] body) {

  static PublicAnswer fromService(FullHttpResponse response) {
    HttpHeaders headers = new DefaultHttpHeaders();
    EndToEndHeaders.copyAnswer(response.headers(), headers);
    return new PublicAnswer(response.status().code(), headers, ByteBufUtil.getBytes(response.content()));
  }

  static PublicAnswer kept(PublicAnswerCache.Answer kept) {
    HttpHeaders headers = gatewayHeaders()
        .set(PublicAnswerCache.DATA_AS_OF_HEADER, kept.at().toString())
        .set(HttpHeaderNames.CACHE_CONTROL, PublicAnswerCache.KEPT_ANSWER_CACHE_CONTROL);
    if (kept.contentType() != null) {
      headers.set(HttpHeaderNames.CONTENT_TYPE, kept.contentType());
    }
    return new PublicAnswer(200, headers, kept.body());
  }

  static PublicAnswer problem(ProblemDetail problem) {
    return new PublicAnswer(problem.getStatus(),
        gatewayHeaders().set(HttpHeaderNames.CONTENT_TYPE, ProblemJson.MEDIA_TYPE), ProblemJson.bytes(problem));
  }

  /** What the security chain puts on the gateway's own answers elsewhere. */
  private static HttpHeaders gatewayHeaders() {
    return new DefaultHttpHeaders()
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate")
        .set(HttpHeaderNames.PRAGMA, "no-cache")
        .set(HttpHeaderNames.EXPIRES, "0")
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("X-XSS-Protection", "0");
  }
}
