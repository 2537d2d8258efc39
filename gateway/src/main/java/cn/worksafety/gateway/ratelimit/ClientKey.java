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
 * <p>Behind a load balancer, set {@code server.forward-headers-strategy=native} so the address is
 * the client's from {@code X-Forwarded-For}, not the balancer's (Reactor Netty applies it for every
 * request, the public query's fast path included).
 */
record ClientKey(Kind kind, String id) {
  enum Kind { ANONYMOUS, PARTNER }

  String bucket() {
    return kind.name().toLowerCase() + ":" + id;
  }

  static Optional<ClientKey> of(ServerWebExchange exchange, Authentication authentication) {
    if (authentication == null) {
      return Optional.of(anonymous(exchange.getRequest().getRemoteAddress()));
    }
    if (authentication instanceof JwtAuthenticationToken jwt && hasRole(jwt, "ROLE_PARTNER")) {
      String department = jwt.getToken().getClaimAsString("department");
      return Optional.of(new ClientKey(Kind.PARTNER, department != null ? department : jwt.getName()));
    }
    return Optional.empty();
  }

  static ClientKey anonymous(InetSocketAddress remote) {
    String address = remote == null ? "unknown"
        : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    return new ClientKey(Kind.ANONYMOUS, address);
  }

  private static boolean hasRole(Authentication authentication, String authority) {
    return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
  }
}
