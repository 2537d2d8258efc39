package cn.worksafety.gateway.devtokens;

import cn.worksafety.gateway.problem.FieldError;
import cn.worksafety.gateway.problem.InvalidRequestException;
import cn.worksafety.gateway.security.LocalJwtProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Signs test tokens for the local run. Exists only in profile {@code local}; elsewhere the OIDC issuer does this. */
@RestController
@Profile("local")
public class DevTokenController {
  private final JwtEncoder encoder;
  private final DevTokenProperties properties;

  public DevTokenController(JwtEncoder encoder, DevTokenProperties properties) {
    this.encoder = encoder;
    this.properties = properties;
  }

  @Operation(summary = "Issue a signed test token (profile local only)")
  @PostMapping(path = "/api/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public DevTokenResponse issue(@RequestBody DevTokenRequest request) {
    List<FieldError> errors = DevTokenRequestValidator.validate(request);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = issuedAt.plus(properties.ttl());
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer(LocalJwtProperties.LOCAL_ISSUER)
        .subject(request.subject())
        .issuedAt(issuedAt)
        .expiresAt(expiresAt)
        .claim("roles", List.copyOf(request.roles()));
    if (request.region() != null && !request.region().isEmpty()) {
      claims.claim("region", request.region());
    }
    if (request.department() != null && !request.department().isEmpty()) {
      claims.claim("department", request.department());
    }
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    return new DevTokenResponse(token, "Bearer", OffsetDateTime.ofInstant(expiresAt, ZoneId.systemDefault()));
  }
}
