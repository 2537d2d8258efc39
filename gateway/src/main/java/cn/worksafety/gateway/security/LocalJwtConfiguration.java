package cn.worksafety.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Profile local: tokens are HS256-signed with {@code app.security.jwt.hmac-secret} and issued by this gateway. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalJwtConfiguration {

  @Bean
  ReactiveJwtDecoder localJwtDecoder(LocalJwtProperties properties) {
    NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(properties.signingKey())
        .macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(LocalJwtProperties.LOCAL_ISSUER));
    return decoder;
  }

  @Bean
  JwtEncoder localJwtEncoder(LocalJwtProperties properties) {
    return NimbusJwtEncoder.withSecretKey(properties.signingKey()).algorithm(MacAlgorithm.HS256).build();
  }
}
