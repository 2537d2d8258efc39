package cn.worksafety.enforcement.penaltycase.infrastructure;

import cn.worksafety.enforcement.penaltycase.model.PenaltyKind;
import cn.worksafety.enforcement.penaltycase.model.Violation;
import cn.worksafety.enforcement.penaltycase.model.ViolationCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The violation catalogue, read at start-up from {@code app.cases.violation-catalogue} (by default
 * the one shipped in {@code catalogue/violations.json}); a malformed file stops the service.
 */
@Configuration(proxyBeanMethods = false)
public class ViolationCatalogueConfiguration {

  record CatalogueFile(String source, List<Entry> violations) {}

  record Entry(String code, String description, String legalBasis, Violation.Severity severity, Range fine,
      Set<PenaltyKind> penaltyKinds) {}

  record Range(BigDecimal min, BigDecimal max) {}

  @Bean
  ViolationCatalogue violationCatalogue(
      @Value("${app.cases.violation-catalogue:classpath:catalogue/violations.json}") Resource location,
      JsonMapper json) throws IOException {
    CatalogueFile file;
    try (InputStream in = location.getInputStream()) {
      file = json.readValue(in, CatalogueFile.class);
    }
    return new ViolationCatalogue(file.violations().stream().map(e -> new Violation(e.code(), e.description(),
        e.legalBasis(), e.severity(), e.fine().min(), e.fine().max(), e.penaltyKinds())).toList());
  }
}
