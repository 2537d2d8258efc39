package cn.worksafety.credit.partner.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.platform.problem.DomainException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlPolicyTest {
  private static final Map<String, String> DNS = Map.of(
      "sanctions.example.gov.cn", "203.0.113.10",
      "rebound.example.com", "10.0.0.5",
      "metadata.example.com", "169.254.169.254",
      "six.example.com", "fd00::1",
      "partner.gov.internal", "10.20.30.40",
      "split.example.com", "203.0.113.11,10.9.9.9");
  private final WebhookUrlPolicy policy = new WebhookUrlPolicy(WebhookUrlPolicyTest::resolve,
      List.of("partner.gov.internal:8443"), List.of("localhost", "credit-service", "cluster.local"));

  @Test
  void anHttpsUrlOfAPublicHostIsAllowed() {
    assertThat(policy.check("https://sanctions.example.gov.cn/credit-events?dept=mof").getHost())
        .isEqualTo("sanctions.example.gov.cn");
    assertThat(policy.check("https://[2002:cb00:710a::]/hook").getHost()).as("6to4 of a public address")
        .isEqualTo("[2002:cb00:710a::]");
  }

  @Test
  void aTrustedTargetInsideTheGovernmentNetworkIsAllowedOverHttpToo() {
    assertThat(policy.check("http://partner.gov.internal:8443/hook").getPort()).isEqualTo(8443);
    assertRefused("http://partner.gov.internal:8444/hook", "https");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://127.0.0.1/hook", "https://[::1]/hook", "https://10.1.2.3/", "https://172.16.5.5/", "https://192.168.1.1/",
      "https://169.254.169.254/latest/meta-data", "https://100.64.1.1/", "https://0.0.0.0/", "https://224.0.0.1/",
      "https://rebound.example.com/", "https://metadata.example.com/", "https://six.example.com/",
      "https://split.example.com/", "https://240.0.0.1/", "https://[64:ff9b::a00:1]/", "https://[2002:a00:1::]/",
      "https://[::10.0.0.1]/", "https://[::ffff:127.0.0.1]/"})
  void internalAddressesAreRefused(String url) {
    assertRefused(url, "internal address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://localhost:8082/api", "https://credit-service/api", "https://credit-service./api",
      "https://rabbitmq.default.svc.cluster.local:15672/api"})
  void theSystemsOwnHostsAreRefused(String url) {
    assertRefused(url, "own host");
  }

  @Test
  void otherSchemesCredentialsInTheUrlAndUnknownHostsAreRefused() {
    assertRefused("http://sanctions.example.gov.cn/hook", "https");
    assertRefused("ftp://sanctions.example.gov.cn/hook", "https");
    assertRefused("file:///etc/passwd", "https");
    assertRefused("https://user:pw@sanctions.example.gov.cn/", "user information");
    assertRefused("https://nowhere.example.org/", "cannot be resolved");
    assertRefused("https://exa mple.com/", "not a URL");
    assertRefused("/relative", "absolute");
  }

  @Test
  void aConnectionGoesOnlyToAddressesCheckedForIt() throws UnknownHostException {
    assertThat(policy.addressesToConnect("sanctions.example.gov.cn")).extracting(InetAddress::getHostAddress)
        .containsExactly("203.0.113.10");
    assertThat(policy.addressesToConnect("partner.gov.internal")).as("a trusted target's host, whatever it resolves to")
        .extracting(InetAddress::getHostAddress).containsExactly("10.20.30.40");
    for (String host : List.of("rebound.example.com", "split.example.com", "[::1]", "127.0.0.1")) {
      assertThatThrownBy(() -> policy.addressesToConnect(host)).as(host)
          .isInstanceOf(UnknownHostException.class).hasMessageContaining("internal address");
    }
  }

  private void assertRefused(String url, String why) {
    assertThatThrownBy(() -> policy.check(url)).as(url).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.properties().toString()).contains("webhookUrl");
      assertThat(e.getMessage()).contains(why);
    });
  }

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      return new InetAddress[] {InetAddress.getByName(host)};
    }
    String addresses = DNS.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    String[] each = addresses.split(",");
    InetAddress[] resolved = new InetAddress[each.length];
    for (int i = 0; i < each.length; i++) {
      resolved[i] = InetAddress.getByName(each[i]);
    }
    return resolved;
  }
}
