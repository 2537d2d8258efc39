package cn.worksafety.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who a request counts against: a partner by its department (all its systems share one budget),
 * anyone without a token by address. Staff tokens are not limited.
 *
 * <p>Behind a load balancer, set {@code server.forward-headers-strategy=framework} so the address is
 * the client's from {@code X-Forwarded-For}, not the balancer's.
 */
record ClientKey(Kind kind, String id) {
  enum Kind { ANONYMOUS, PARTNER }

  String bucket() {
    return kind.name().toLowerCase() + ":" + id;
  }

  static Optional<ClientKey> of(ServerWebExchange exchange, Authentication authentication) {
    if (authentication == null) {
      InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
      String address = remote == null ? "unknown"
          : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
      return Optional.of(new ClientKey(Kind.ANONYMOUS, address));
    }
    if (authentication instanceof JwtAuthenticationToken jwt && hasRole(jwt, "ROLE_PARTNER")) {
      String department = jwt.getToken().getClaimAsString("department");
      return Optional.of(new ClientKey(Kind.PARTNER, department != null ? department : jwt.getName()));
    }
    return Optional.empty();
  }

  private static boolean hasRole(Authentication authentication, String authority) {
    return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }
}
