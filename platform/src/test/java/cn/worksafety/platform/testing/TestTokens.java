package cn.worksafety.platform.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs tokens the way the gateway's local profile does, for tests that call a service directly. */
public final class TestTokens {
  public static final String SECRET = "test-signing-key-for-integration-tests-only-0123456789";

  private TestTokens() {}

  public static String officer(String region) {
    return sign("officer-" + region, List.of("OFFICER"), region, null, SECRET);
  }

  public static String supervisor(String region) {
    return sign("supervisor-" + region, List.of("SUPERVISOR"), region, null, SECRET);
  }

  public static String admin() {
    return sign("admin", List.of("CREDIT_ADMIN"), null, null, SECRET);
  }

  public static String partner(String department) {
    return sign("partner-" + department, List.of("PARTNER"), null, department, SECRET);
  }

  /** An officer token signed with the right key but naming another issuer. */
  public static String signedBy(String issuer, String region) {
    return sign("officer", List.of("OFFICER"), region, null, SECRET, issuer);
  }

  public static String sign(String subject, List<String> roles, String region, String department, String secret) {
    return sign(subject, roles, region, department, secret, "safety-credit-local");
  }

  private static String sign(String subject, List<String> roles, String region, String department, String secret,
      String issuer) {
    try {
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
          .issuer(issuer).issueTime(new Date())
          .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
      if (region != null) {
        claims.claim("region", region);
      }
      if (department != null) {
        claims.claim("department", department);
      }
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
      jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
