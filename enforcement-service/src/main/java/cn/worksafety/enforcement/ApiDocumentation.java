package cn.worksafety.enforcement;

import cn.worksafety.enforcement.apidocs.ApiProblems;
import cn.worksafety.enforcement.apidocs.HistoryExamples;
import cn.worksafety.enforcement.apidocs.ProblemExamples;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document at {@code /v3/api-docs}, made in one place: what the service is, how callers
 * authenticate, and, for every operation, the problems it can answer with an example each. The
 * controllers state only what is particular to an endpoint: its summary and rule ({@code @Operation})
 * and its own refusals ({@link ApiProblems}); the problems every endpoint shares are added here from
 * what the operation looks like (a body, query parameters, a path id, an {@code If-Match} header).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
  static final String SECURITY_SCHEME = "bearer-jwt";
  static final String PROBLEM_SCHEMA = "ProblemDetail";
  private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
  private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");
  private static final Map<String, String> EXAMPLE_IDS = Map.of(
      "uscc", "914403001922038216",
      "id", "3f2b8c1e-6d4a-4f7b-9c2e-8a1d5e7f9b20",
      "hazardId", "H-2");

  @Bean
  OpenAPI enforcementOpenApi() {
    return new OpenAPI()
        .info(new Info()
            .title("安全生产执法服务 Enforcement Service API")
            .version("0.1.0")
            .description("""
                安全生产信用体系的执法服务：登记受监管企业，记录执法检查与发现的事故隐患及其整改复查，\
                办理行政处罚案件（立案、调查取证、告知、陈述申辩与听证、决定、审批、送达、执行、结案、撤销），\
                并报告生产安全事故。每项变更均留有审计记录，并通过 enforcement.events 向信用服务发布事件。

                The enforcement service of the work-safety credit system: it registers regulated enterprises, \
                records inspections, the hazards they find and the re-inspections that verify rectification, \
                runs administrative-penalty cases through their legal lifecycle, and records work-safety \
                accidents. Every change is audited and announced on `enforcement.events` for the credit service.

                **Authentication.** Every endpoint needs a bearer JWT (issued by the gateway) whose `roles` \
                claim holds OFFICER (执法人员), SUPERVISOR (审批负责人) or CREDIT_ADMIN (信用管理员), and whose \
                `region` claim (GB/T 2260) bounds what an officer or supervisor sees: records outside it answer 404.

                **Concurrency.** Reads return an `ETag`; send it back as `If-Match` on a change. A stale one is \
                refused with 412; without `If-Match` a change that races another is refused with 409.

                **Errors** are RFC 9457 problems (`application/problem+json`) whose `type` is \
                `https://worksafety.cn/problems/<code>`; validation problems list each field in `errors`.

                **Times** are ISO-8601 with offset (Asia/Shanghai, +08:00), amounts in CNY are strings such as \
                `"50000.00"`."""))
        .addServersItem(new Server().url("http://localhost:8080")
            .description("through the gateway (local stack); the service itself listens on 8081"))
        .components(new Components()
            .addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT signed by the gateway. Claims: `sub`, `roles` (OFFICER, SUPERVISOR, "
                    + "CREDIT_ADMIN), `region` (six-digit GB/T 2260 code bounding the caller's data). Each "
                    + "operation names the roles it admits."))
            .addSchemas(PROBLEM_SCHEMA, problemSchema())
            .addSchemas("FieldError", new Schema<>().types(Set.of("object"))
                .description("One field the request got wrong.")
                .addProperty("field", string("the field or parameter, dotted for nested ones", "officers"))
                .addProperty("message", string("what is wrong with it", "size must be between 2 and 10"))))
        .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
  }

  /**
   * Adds to each operation the problems it can answer, the roles it admits, the ETag and Location
   * headers of its answer, and descriptions of its path ids and {@code If-Match}.
   */
  @Bean
  OperationCustomizer problemResponses() {
    return (operation, handler) -> {
      RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
      RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
      if (type == null || method == null) {
        return operation;
      }
      String path = first(type.path()) + first(method.path());
      RequestMethod verb = method.method().length == 0 ? RequestMethod.GET : method.method()[0];
      describeRoles(operation, handler);
      describeParameters(operation);
      describeSuccess(operation, handler);
      List<String> problems = commonProblems(operation, path, verb);
      ApiProblems own = handler.getMethodAnnotation(ApiProblems.class);
      if (own != null) {
        problems.addAll(List.of(own.value()));
      }
      List<Map<String, String>> emptyBodyErrors = emptyBodyErrors(handler);
      if (emptyBodyErrors.isEmpty()) {
        problems.remove("validation-failed"); // nothing in the body is required: {} is valid
      }
      addProblems(operation, path, problems, emptyBodyErrors);
      return operation;
    };
  }

  /** Examples for the answers whose shape is generic: a list or page of records, a record's audit trail. */
  @Bean
  OpenApiCustomizer pageAndHistoryExamples() {
    return openApi -> {
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
        ApiResponse ok = operation.getResponses() == null ? null : operation.getResponses().get("200");
        if (ok == null || ok.getContent() == null) {
          return;
        }
        ok.getContent().values().forEach(media -> {
          if (media.getSchema() == null || media.getExample() != null) {
            return;
          }
          String ref = media.getSchema().get$ref();
          Schema<?> items = media.getSchema().getItems();
          if (ref == null && items != null && items.get$ref() != null) {
            Schema<?> element = schemas.get(items.get$ref().substring(items.get$ref().lastIndexOf('/') + 1));
            if (element != null && element.getExample() != null) {
              media.setExample(List.of(element.getExample()));
            }
            return;
          }
          if (ref == null) {
            return;
          }
          String name = ref.substring(ref.lastIndexOf('/') + 1);
          if (name.startsWith("PageView") && schemas.get(name.substring("PageView".length())) != null) {
            Object item1 = schemas.get(name.substring("PageView".length())).getExample();
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", item1 == null ? List.of() : List.of(item1));
            page.put("page", 0);
            page.put("size", 20);
            page.put("total", 1);
            media.setExample(page);
          } else if (name.equals("History")) {
            media.setExample(HistoryExamples.of(resourceOf(path)));
          }
        });
      }));
    };
  }

  /** The same for query parameters given with {@code @Parameter(example = …)}. */
  @Bean
  ParameterCustomizer stringParameterExamplesStayStrings() {
    return (parameter, methodParameter) -> {
      io.swagger.v3.oas.annotations.Parameter annotation =
          methodParameter.getParameterAnnotation(io.swagger.v3.oas.annotations.Parameter.class);
      if (parameter != null && annotation != null && !annotation.example().isEmpty() && parameter.getSchema() != null
          && isString(parameter.getSchema())) {
        parameter.setExample(annotation.example());
      }
      return parameter;
    };
  }

  /**
   * Keeps string examples strings: under OpenAPI 3.1 swagger-core reads an example such as
   * {@code "914403001922038216"} or {@code "50000.00"} as JSON and prints a (rounded) number. The
   * text is put back from the {@code @Schema} of each record component the endpoints take or answer.
   */
  @Bean
  OpenApiCustomizer stringExamplesStayStrings(
      @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    return openApi -> {
      Map<String, Class<?>> records = new HashMap<>();
      mappings.getHandlerMethods().values().forEach(handler -> {
        for (MethodParameter parameter : handler.getMethodParameters()) {
          collectRecords(ResolvableType.forMethodParameter(parameter), records);
        }
        collectRecords(ResolvableType.forMethodReturnType(handler.getMethod()), records);
      });
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      schemas.forEach((name, schema) -> {
        Class<?> type = records.get(name);
        Map<String, Schema> properties = schema.getProperties();
        if (type == null || properties == null) {
          return;
        }
        properties.forEach((property, propertySchema) -> {
          Field field = ReflectionUtils.findField(type, property);
          io.swagger.v3.oas.annotations.media.Schema annotation = field == null ? null
              : field.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
          if (annotation != null && !annotation.example().isEmpty() && isString(propertySchema)) {
            propertySchema.setExample(annotation.example());
          }
        });
      });
    };
  }

  private static void collectRecords(ResolvableType type, Map<String, Class<?>> records) {
    for (ResolvableType generic : type.getGenerics()) {
      collectRecords(generic, records);
    }
    Class<?> resolved = type.resolve();
    if (resolved == null || !resolved.isRecord() || !resolved.getName().startsWith("cn.worksafety.")
        || records.putIfAbsent(resolved.getSimpleName(), resolved) != null) {
      return;
    }
    for (RecordComponent component : resolved.getRecordComponents()) {
      collectRecords(ResolvableType.forType(component.getGenericType()), records);
    }
  }

  private static boolean isString(Schema<?> schema) {
    return "string".equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains("string"));
  }

  private static List<String> commonProblems(Operation operation, String path, RequestMethod verb) {
    List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean body = operation.getRequestBody() != null;
    boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
    boolean ids = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
    boolean ifMatch = parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equals(p.getName()));
    List<String> problems = new ArrayList<>();
    if (body) {
      problems.add("validation-failed");
      problems.add("malformed-body");
    }
    if (query) {
      problems.add("invalid-parameter");
    }
    problems.add("unauthorized");
    problems.add("forbidden");
    if (ids) {
      problems.add(resourceOf(path) + "-not-found");
      if (path.contains("{hazardId}")) {
        problems.add("hazard-not-found");
      }
    }
    if (ifMatch) {
      problems.add("concurrent-change");
      problems.add("precondition-failed");
    }
    if (body && verb != RequestMethod.GET) {
      problems.add("body-too-large");
    }
    return problems;
  }

  /**
   * What bean validation answers for an empty body {@code {}}: each required field of the body and
   * each {@code @AssertTrue} rule across fields, in the order the service lists them (by name),
   * worded as the constraint words it.
   */
  private static List<Map<String, String>> emptyBodyErrors(HandlerMethod handler) {
    for (MethodParameter parameter : handler.getMethodParameters()) {
      Class<?> type = parameter.getParameterType();
      if (!parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
          || !type.isRecord()) {
        continue;
      }
      Map<String, String> errors = new TreeMap<>();
      for (RecordComponent component : type.getRecordComponents()) {
        Field field = ReflectionUtils.findField(type, component.getName());
        if (field == null) {
          continue;
        }
        if (field.isAnnotationPresent(NotBlank.class)) {
          errors.put(component.getName(), "must not be blank");
        } else if (field.isAnnotationPresent(NotEmpty.class)) {
          errors.put(component.getName(), "must not be empty");
        } else if (field.isAnnotationPresent(NotNull.class)) {
          errors.put(component.getName(), "must not be null");
        }
      }
      for (Method check : type.getDeclaredMethods()) {
        AssertTrue rule = check.getAnnotation(AssertTrue.class);
        if (rule != null && check.getName().startsWith("is")) {
          errors.put(StringUtils.uncapitalize(check.getName().substring(2)), rule.message());
        }
      }
      return errors.entrySet().stream().map(e -> {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", e.getKey());
        error.put("message", e.getValue());
        return error;
      }).toList();
    }
    return List.of();
  }

  private static void addProblems(Operation operation, String path, List<String> names,
      List<Map<String, String>> emptyBodyErrors) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    Map<Integer, List<ProblemExamples.Example>> byStatus = new TreeMap<>();
    for (String name : new LinkedHashSet<>(names)) {
      ProblemExamples.Example example = ProblemExamples.get(name);
      byStatus.computeIfAbsent(example.status(), s -> new ArrayList<>()).add(example);
    }
    byStatus.forEach((status, examples) -> {
      ApiResponse response = operation.getResponses().computeIfAbsent(String.valueOf(status),
          s -> new ApiResponse());
      if (response.getDescription() == null || response.getDescription().isBlank()) {
        response.setDescription(HttpStatus.valueOf(status).getReasonPhrase() + ": "
            + String.join("; ", examples.stream().map(ProblemExamples.Example::summary).toList()));
      }
      if (response.getContent() == null) {
        response.setContent(new Content());
      }
      MediaType media = response.getContent().computeIfAbsent(ProblemExamples.MEDIA_TYPE, m -> new MediaType());
      media.setSchema(new Schema<>().$ref(PROBLEM_REF));
      for (ProblemExamples.Example example : examples) {
        Map<String, Object> value = body(example, path);
        if (example.name().equals("validation-failed")) {
          value.put("detail", String.join("; ", emptyBodyErrors.stream()
              .map(e -> e.get("field") + ": " + e.get("message")).toList()));
          value.put("errors", emptyBodyErrors);
        }
        media.addExamples(example.name(), new Example().summary(example.summary()).value(value));
      }
    });
  }

  private static Map<String, Object> body(ProblemExamples.Example example, String path) {
    Map<String, Object> body = new LinkedHashMap<>(example.body());
    if (example.name().equals("concurrent-change")) {
      body.put("detail", "the " + resourceOf(path) + " was changed by someone else meanwhile; read it again and retry");
    }
    if (example.hasInstance()) {
      String instance = path;
      for (Map.Entry<String, String> id : EXAMPLE_IDS.entrySet()) {
        instance = instance.replace("{" + id.getKey() + "}", id.getValue());
      }
      body.put("instance", instance);
    }
    return body;
  }

  private static void describeRoles(Operation operation, HandlerMethod handler) {
    PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
    if (rule == null) {
      rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
    }
    if (rule == null) {
      return;
    }
    List<String> roles = new ArrayList<>();
    Matcher matcher = ROLE.matcher(rule.value());
    while (matcher.find()) {
      roles.add(matcher.group(1));
    }
    String text = "**Roles:** " + String.join(", ", roles);
    operation.setDescription(operation.getDescription() == null ? text : operation.getDescription() + "\n\n" + text);
    operation.addExtension("x-roles", roles);
  }

  private static void describeParameters(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      if ("header".equals(parameter.getIn()) && "If-Match".equals(parameter.getName())) {
        parameter.description("The ETag of the record as you last read it. A version that is no longer current "
            + "is refused with 412 and the current ETag; without it, a change that races another is refused with "
            + "409.");
        parameter.example("\"3\"");
      } else if ("path".equals(parameter.getIn()) && parameter.getDescription() == null) {
        switch (parameter.getName()) {
          case "uscc" -> parameter.description("统一社会信用代码 (GB 32100) of the enterprise");
          case "hazardId" -> parameter.description("the hazard's id within its inspection, as answered in hazards[].id");
          default -> parameter.description("the record's id, as answered in id and in the Location of its creation");
        }
        parameter.example(EXAMPLE_IDS.get(parameter.getName()));
      }
    }
  }

  private static void describeSuccess(Operation operation, HandlerMethod handler) {
    if (!ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType()) || operation.getResponses() == null) {
      return;
    }
    operation.getResponses().forEach((status, response) -> {
      if (!status.startsWith("2")) {
        return;
      }
      response.addHeaderObject("ETag", new Header().description("the record's version; send it as If-Match to "
          + "change it").schema(string(null, "\"4\"")));
      if (status.equals("201")) {
        response.addHeaderObject("Location", new Header().description("where the new record can be read")
            .schema(string(null, null)));
      }
    });
  }

  private static Schema<Object> problemSchema() {
    Schema<Object> errors = new Schema<>().types(Set.of("array")).items(new Schema<>().$ref("#/components/schemas/FieldError"))
        .description("validation-failed: each field refused and why");
    Schema<Object> allowed = new Schema<>().types(Set.of("array")).items(string(null, null))
        .description("step-not-allowed: the steps the current state allows");
    Schema<Object> allowedKinds = new Schema<>().types(Set.of("array")).items(string(null, null))
        .description("penalty-outside-catalogue: the penalty kinds the cited violations provide for");
    return new Schema<>().types(Set.of("object"))
        .description("An RFC 9457 problem as every error of this service is answered. Besides the standard "
            + "members it carries extension members that depend on its type.")
        .addProperty("type", string("https://worksafety.cn/problems/<code>; stable, to branch on",
            "https://worksafety.cn/problems/step-not-allowed").format("uri"))
        .addProperty("title", string("the HTTP reason phrase, or a short title", "Conflict"))
        .addProperty("status", new Schema<>().types(Set.of("integer")).format("int32").example(409))
        .addProperty("detail", string("what went wrong, for people",
            "step 'closure' is not allowed while the case is NOTIFIED"))
        .addProperty("instance", string("the request path; absent when a filter refused the request",
            "/api/enforcement/cases/3f2b8c1e-6d4a-4f7b-9c2e-8a1d5e7f9b20/closure").format("uri-reference"))
        .addProperty("errors", errors)
        .addProperty("allowed", allowed)
        .addProperty("state", string("step-not-allowed, already-rectified: the record's current state", "NOTIFIED"))
        .addProperty("currentETag", string("precondition-failed: the version to read again", "\"4\""))
        .addProperty("resource", string("not-found: what kind of record was not found", "case"))
        .addProperty("amountDue", string("amount-due: the fine plus late surcharge due, CNY", "53000.00"))
        .addProperty("surcharge", string("amount-due: the late surcharge included, CNY", "3000.00"))
        .addProperty("fineMin", string("fine-outside-range: the least fine the cited violations allow, CNY", "0"))
        .addProperty("fineMax", string("fine-outside-range: the largest fine they allow, CNY", "200000"))
        .addProperty("allowedKinds", allowedKinds)
        .addProperty("defenceWindowLastDay", string("defence-window-open: the last day of the defence window",
            "2026-11-27").format("date"))
        .addProperty("lastDay", string("hearing-request-late: the last day a hearing could be asked for",
            "2026-11-27").format("date"))
        .addProperty("uscc", string("duplicate-enterprise: the code already registered", "914403001922038216"))
        .addProperty("hazardId", string("already-rectified: the hazard", "H-2"))
        .required(List.of("type", "title", "status", "detail"));
  }

  private static Schema<Object> string(String description, String example) {
    Schema<Object> schema = new Schema<>().types(Set.of("string"));
    if (description != null) {
      schema.description(description);
    }
    if (example != null) {
      schema.example(example);
    }
    return schema;
  }

  /** The kind of record a path is about, by its first segment. */
  static String resourceOf(String path) {
    String[] segments = path.replace("/api/enforcement/", "").split("/");
    return switch (segments[0]) {
      case "enterprises" -> "enterprise";
      case "inspections" -> "inspection";
      case "cases" -> "case";
      case "accidents" -> "accident";
      default -> segments[0];
    };
  }

  private static String first(String[] paths) {
    return paths.length == 0 ? "" : paths[0];
  }
}
