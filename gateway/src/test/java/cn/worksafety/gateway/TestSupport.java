package cn.worksafety.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Small helpers shared by the gateway tests. */
final class TestSupport {
  private TestSupport() {}

  /** A local port nothing listens on (it was free a moment ago), for a downstream that is down. */
  static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs a token like the local profile does, with whatever secret the test chooses. */
  static String sign(String subject, List<String> roles, String region, String secret) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles).claim("region", region)
        .issuer("safety-credit-local").issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  /** Signs a partner's token: bound to its department, not a region. */
  static String signPartner(String subject, String department, String secret) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of("PARTNER"))
        .claim("department", department).issuer("safety-credit-local").issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  /** The claims of a token, after checking its HS256 signature with {@code secret}. */
  static JWTClaimsSet verifiedClaims(String token, String secret) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    if (!jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
      throw new AssertionError("token signature does not verify with the local secret");
    }
    return jwt.getJWTClaimsSet();
  }
}
