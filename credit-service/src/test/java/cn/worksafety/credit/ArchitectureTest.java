package cn.worksafety.credit;

import cn.worksafety.platform.testing.ModelArchitecture;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  @Test
  void modelPackagesStayPlainJava() {
    ModelArchitecture.modelStaysPlainJava().check(new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.worksafety.credit"));
  }
}
