package cn.worksafety.credit.partner.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a department without AMQP receives its events, and the secret each delivery is signed with:
 * {@code X-Webhook-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}, the timestamp (Unix
 * seconds) in {@code X-Webhook-Timestamp}, so a receiver can refuse a replayed or altered delivery.
 */
public record Webhook(URI url, String secret) {

  public String sign(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Never the secret: records are logged. */
  @Override
  public String toString() {
    return "Webhook[" + url + "]";
  }
}
