package cn.worksafety.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every route is closed unless listed here. The token is checked at the gateway and passed on
 * unchanged: services check it again themselves. The {@code ReactiveJwtDecoder} comes from
 * {@link LocalJwtConfiguration} in profile {@code local}, otherwise from Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurity {
  /** The public query page and its files. */
  private static final String[] PAGE = {"/", "/index.html", "/assets/**", "/favicon.ico"};

  @Bean
  SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, ProblemAuthenticationHandlers handlers) {
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies to ride on
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(a -> a
            .pathMatchers(HttpMethod.GET, PAGE).permitAll()
            .pathMatchers(HttpMethod.HEAD, PAGE).permitAll()
            .pathMatchers("/api/public/**", "/api/dev/tokens", "/fallback/**").permitAll()
            .pathMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
            .pathMatchers("/v3/api-docs/**").permitAll()
            .anyExchange().authenticated())
        .oauth2ResourceServer(o -> o
            .jwt(j -> j.jwtAuthenticationConverter(rolesToAuthorities()))
            .authenticationEntryPoint(handlers)
            .accessDeniedHandler(handlers))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .build();
  }

  /** {@code roles: ["OFFICER"]} becomes authority {@code ROLE_OFFICER}; the principal name is {@code sub}. */
  static ReactiveJwtAuthenticationConverterAdapter rolesToAuthorities() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("roles");
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }
}
