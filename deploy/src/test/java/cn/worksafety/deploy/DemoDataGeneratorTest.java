package cn.worksafety.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Uscc;
import cn.worksafety.deploy.DemoDataGenerator.Case;
import cn.worksafety.deploy.DemoDataGenerator.Enterprise;
import cn.worksafety.deploy.DemoDataGenerator.Stage;
import java.io.File;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoDataGeneratorTest {

  private final List<Enterprise> enterprises = new DemoDataGenerator().enterprises(DemoData.ENTERPRISES);

  @Test
  void enterprisesSpreadOverTwoRegionsWithValidUniqueCodes() {
    assertThat(enterprises).hasSizeGreaterThanOrEqualTo(200);
    assertThat(enterprises).extracting(Enterprise::region).containsOnly("440300", "510100");
    assertThat(enterprises.stream().map(Enterprise::region).distinct()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(enterprises).allSatisfy(enterprise -> {
      assertThat(Uscc.isValid(enterprise.uscc())).as(enterprise.uscc()).isTrue();
      assertThat(enterprise.uscc()).startsWith("91" + enterprise.region());
      assertThat(Uscc.areaCode(enterprise.uscc())).isEqualTo(enterprise.region());
    });
    assertThat(enterprises).extracting(Enterprise::uscc).doesNotHaveDuplicates();
    assertThat(enterprises).extracting(Enterprise::name).doesNotHaveDuplicates();
  }

  @Test
  void namesAndCodesAreFromTheFixedSets() {
    assertThat(enterprises).allSatisfy(enterprise -> {
      assertThat(enterprise.name()).matches("(深圳市|成都市)\\p{IsHan}+(有限公司|股份有限公司|有限责任公司)");
      assertThat(enterprise.industry()).isIn("MINING", "HAZARDOUS_CHEMICALS", "FIREWORKS", "METALLURGY",
          "NONFERROUS", "BUILDING_MATERIALS", "MACHINERY", "LIGHT_INDUSTRY", "TEXTILE", "TRADE", "CONSTRUCTION",
          "TRANSPORT", "OTHER");
      assertThat(enterprise.standardizationGrade()).isIn("NONE", "LEVEL_1", "LEVEL_2", "LEVEL_3");
    });
  }

  @Test
  void sameSeedSameData() {
    DemoDataGenerator other = new DemoDataGenerator();
    assertThat(other.enterprises(DemoData.ENTERPRISES)).isEqualTo(enterprises);
    assertThat(other.cases(enterprises)).isEqualTo(new DemoDataGenerator().cases(enterprises));
  }

  @Test
  void casesCoverSeveralStagesOnDistinctEnterprises() {
    List<Case> cases = new DemoDataGenerator().cases(enterprises);
    Map<Stage, Long> byStage = cases.stream().collect(Collectors.groupingBy(Case::stage, Collectors.counting()));
    assertThat(byStage).containsEntry(Stage.FILED, 15L).containsEntry(Stage.INVESTIGATING, 15L)
        .containsEntry(Stage.NOTIFIED, 10L).containsEntry(Stage.DECIDED, 5L).containsEntry(Stage.APPROVED, 15L);
    assertThat(cases).extracting(c -> c.enterprise().uscc()).doesNotHaveDuplicates();
    List<Case> decided = cases.stream().filter(c -> c.stage().compareTo(Stage.DECIDED) >= 0).toList();
    assertThat(decided).allSatisfy(c -> assertThat(c.penalties()).isNotEmpty());
    assertThat(decided.stream().flatMap(c -> c.penalties().stream()).map(p -> p.kind()).distinct())
        .contains("WARNING", "FINE", "SUSPENSION");
    assertThat(decided.stream().flatMap(c -> c.penalties().stream()))
        .allSatisfy(p -> {
          if (p.kind().equals("FINE") || p.kind().equals("CONFISCATION")) {
            assertThat(p.amount()).matches("\\d+\\.\\d{2}");
          }
          if (p.kind().equals("SUSPENSION")) {
            assertThat(p.periodDays()).isPositive();
          }
        });
    assertThat(cases.stream().map(c -> c.enterprise().region()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("440300", "510100");
  }

  @Test
  void everyDemoDecisionCitesACatalogueViolationThatAllowsItsPenalties() {
    JsonNode catalogue = JsonMapper.builder().build()
        .readTree(new File("../enforcement-service/src/main/resources/catalogue/violations.json"));
    Map<String, JsonNode> byCode = new java.util.HashMap<>();
    catalogue.get("violations").forEach(v -> byCode.put(v.get("code").asString(), v));
    for (Case c : new DemoDataGenerator().cases(enterprises)) {
      JsonNode entry = byCode.get(c.violation().code());
      assertThat(entry).as(c.violation().code() + " is in the catalogue").isNotNull();
      assertThat(entry.get("legalBasis").asString()).isEqualTo(c.violation().legalBasis());
      List<String> kinds = entry.get("penaltyKinds").valueStream().map(JsonNode::asString).toList();
      assertThat(c.penalties()).allSatisfy(p -> assertThat(kinds).contains(p.kind()));
      BigDecimal fine = c.penalties().stream().filter(p -> p.kind().equals("FINE")).map(p -> new BigDecimal(p.amount()))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (fine.signum() > 0) {
        assertThat(fine).as(c.violation().code() + " fine range")
            .isBetween(new BigDecimal(entry.get("fine").get("min").asString()),
                new BigDecimal(entry.get("fine").get("max").asString()));
      }
    }
  }
}
