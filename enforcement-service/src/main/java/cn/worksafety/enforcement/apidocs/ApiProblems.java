package cn.worksafety.enforcement.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The refusals particular to one endpoint, by the names of {@link ProblemExamples}: each becomes an
 * example under its status in the OpenAPI document. The problems every endpoint can answer (400,
 * 401, 403, 404, 409/412 for steps guarded by {@code If-Match}, 413) are added without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiProblems {
  String[] value();
}
