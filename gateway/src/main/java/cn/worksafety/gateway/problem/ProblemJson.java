package cn.worksafety.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** A problem as the JSON bytes the controllers would write, for code that answers below WebFlux. */
public final class ProblemJson {
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemJson() {}

  public static byte[] bytes(ProblemDetail problem) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("type", problem.getType().toString());
    fields.put("title", problem.getTitle());
    fields.put("status", problem.getStatus());
    fields.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      fields.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      fields.putAll(problem.getProperties());
    }
    return JSON.writeValueAsBytes(fields);
  }
}
