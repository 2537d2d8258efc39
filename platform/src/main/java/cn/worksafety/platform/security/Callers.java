package cn.worksafety.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} of the current request from its verified token. */
public final class Callers {
  /** The subject of a caller with no verified token (and of work no request started, such as a job). */
  public static final String ANONYMOUS = "anonymous";

  private Callers() {}

  public static Caller current() {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
      return of(token.getToken());
    }
    return new Caller(ANONYMOUS, Set.of(), null, null);
  }

  public static Caller of(Jwt jwt) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> claimed = jwt.getClaimAsStringList("roles");
    if (claimed != null) {
      for (String r : claimed) {
        for (Role role : Role.values()) {
          if (role.name().equals(r)) {
            roles.add(role);
          }
        }
      }
    }
    return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString("region"), jwt.getClaimAsString("department"));
  }
}
