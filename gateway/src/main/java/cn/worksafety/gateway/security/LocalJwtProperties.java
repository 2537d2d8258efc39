package cn.worksafety.gateway.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code app.security.jwt.*}: the HMAC key shared by the gateway and the services in profile local. */
@ConfigurationProperties("app.security.jwt")
public record LocalJwtProperties(String hmacSecret) {
  /** The {@code iss} of every locally signed token. */
  public static final String LOCAL_ISSUER = "safety-credit-local";

  private static final int MIN_HS256_KEY_BYTES = 32;

  public SecretKey signingKey() {
    if (hmacSecret == null || hmacSecret.getBytes(StandardCharsets.UTF_8).length < MIN_HS256_KEY_BYTES) {
      throw new IllegalStateException(
          "app.security.jwt.hmac-secret must be set to at least " + MIN_HS256_KEY_BYTES + " bytes for HS256");
    }
    return new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }
}
