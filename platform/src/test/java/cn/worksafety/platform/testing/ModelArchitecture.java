package cn.worksafety.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** DESIGN.md: model packages are plain Java — no Spring, no Mongo, no AMQP, no Jackson. */
public final class ModelArchitecture {
  private ModelArchitecture() {}

  public static ArchRule modelStaysPlainJava() {
    return noClasses().that().resideInAPackage("..model..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.springframework..", "com.mongodb..", "org.bson..", "com.rabbitmq..", "tools.jackson..",
            "jakarta.servlet..", "jakarta.persistence..")
        .because("domain rules must be testable and readable without the frameworks");
  }
}
