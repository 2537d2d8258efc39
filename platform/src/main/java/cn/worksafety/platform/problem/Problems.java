package cn.worksafety.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The one place problem {@code type} URIs are made, so every service spells them the same way. */
public final class Problems {
  private static final String BASE = "https://worksafety.cn/problems/";

  private Problems() {}

  public static URI type(String code) {
    return URI.create(BASE + code);
  }

  public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(code));
    problem.setTitle(title);
    return problem;
  }
}
