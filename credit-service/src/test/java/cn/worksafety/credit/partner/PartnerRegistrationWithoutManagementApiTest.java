package cn.worksafety.credit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The management API is where nothing listens: registering answers 503 and registers nothing. */
@TestPropertySource(properties = "app.partners.management.url=http://127.0.0.1:9/api/")
class PartnerRegistrationWithoutManagementApiTest extends CreditIntegrationTest {

  @Test
  void aRegistrationTheBrokerCannotProvisionIsRefusedWith503AndNotKept() {
    var refused = http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", "unreachable", "name", "财政部",
        "measures", List.of()));
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.json().get("type").asString()).endsWith("broker-management-unavailable");
    assertThat(http.get("/api/credit/partners/unreachable", TestTokens.admin()).status()).isEqualTo(404);
  }
}
