package cn.worksafety.credit.partner.application;

import cn.worksafety.platform.problem.DomainException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs the service may post to: https to a host that resolves only to public
 * addresses and is none of the system's own names, so a department's URL cannot make the service
 * call its own store, broker, management API or cloud metadata. A department inside the government
 * network is let in by name: {@code app.webhooks.trusted-targets} lists {@code host:port} pairs
 * allowed whatever they resolve to, over http too. Checked at registration and again before every
 * delivery, since what a name resolves to can change; and the delivery connects only to addresses
 * resolved and checked for that connection ({@link #addressesToConnect}), so a name cannot answer
 * a public address to the check and an internal one to the connection (DNS rebinding).
 */
@Component
public class WebhookUrlPolicy {
  static final String FIELD = "webhookUrl";

  /** How host names are resolved (all addresses). */
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;
  private final Set<String> trustedTargets;
  /** The hosts of the trusted targets, whatever their port. */
  private final Set<String> trustedHosts;
  private final Set<String> ownHosts;

  @Autowired
  public WebhookUrlPolicy(@Value("${app.webhooks.trusted-targets:}") List<String> trustedTargets,
      @Value("${app.webhooks.own-hosts:}") List<String> ownHosts) {
    this(InetAddress::getAllByName, trustedTargets, ownHosts);
  }

  public WebhookUrlPolicy(Resolver resolver, List<String> trustedTargets, List<String> ownHosts) {
    this.resolver = resolver;
    this.trustedTargets = lowerCase(trustedTargets);
    this.trustedHosts = this.trustedTargets.stream().filter(target -> target.contains(":"))
        .map(target -> target.substring(0, target.lastIndexOf(':'))).collect(Collectors.toUnmodifiableSet());
    this.ownHosts = lowerCase(ownHosts);
  }

  /** The URL, if the service may post to it; otherwise a 400 naming {@code webhookUrl} and why. */
  public URI check(String url) {
    URI uri = parse(url);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw refused("must be an https URL");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw refused("must not carry user information or a fragment");
    }
    String host = uri.getHost() == null ? "" : hostName(uri.getHost());
    if (host.isEmpty()) {
      throw refused("must name a host");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (trustedTargets.contains(unbracketed(host) + ":" + port)) {
      return uri;
    }
    if (!scheme.equals("https")) {
      throw refused("must be an https URL (http only for a trusted target)");
    }
    if (ownHosts.contains(host) || ownHosts.stream().anyMatch(own -> host.endsWith("." + own))) {
      throw refused("must not point at the system's own host " + host);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(unbracketed(host));
    } catch (UnknownHostException e) {
      throw refused("host " + host + " cannot be resolved");
    }
    InetAddress internal = firstInternal(addresses);
    if (internal != null) {
      throw refused("must not point at an internal address (" + host + " is " + internal.getHostAddress() + ")");
    }
    return uri;
  }

  /**
   * What a delivery to {@code host} (of a URL {@link #check} let through) may connect to, resolved
   * now: every address, or none if one is internal and the host is not a trusted target's.
   */
  public InetAddress[] addressesToConnect(String host) throws UnknownHostException {
    String name = unbracketed(hostName(host));
    InetAddress[] addresses = resolver.resolve(name);
    InetAddress internal = trustedHosts.contains(name) ? null : firstInternal(addresses);
    if (internal != null) {
      throw new UnknownHostException(name + " resolves to an internal address (" + internal.getHostAddress()
          + ") now: not connecting");
    }
    return addresses;
  }

  private static InetAddress firstInternal(InetAddress[] addresses) {
    for (InetAddress address : addresses) {
      if (internal(address)) {
        return address;
      }
    }
    return null;
  }

  /** "gateway." is the name "gateway": a trailing dot must not slip past the own-host check. */
  private static String hostName(String host) {
    return host.toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
  }

  /**
   * Loopback, private, link-local (cloud metadata), shared, reserved, multicast and unspecified
   * addresses, and IPv6 addresses that carry an IPv4 one (NAT64, 6to4, IPv4-compatible) judged by it.
   */
  static boolean internal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || first >= 240 || (first == 100 && second >= 64 && second < 128)
          || (first == 198 && (second & 0xfe) == 18) || (first == 192 && second == 0 && (b[2] & 0xff) == 0);
    }
    if (!(address instanceof Inet6Address)) {
      return true;
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return true;
    }
    boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
    boolean compatible = java.util.stream.IntStream.range(0, 12).allMatch(i -> b[i] == 0);
    if (nat64 || compatible) {
      return internal(ipv4(b, 12));
    }
    return sixToFour && internal(ipv4(b, 2));
  }

  private static InetAddress ipv4(byte[] b, int from) {
    try {
      return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url);
      if (!uri.isAbsolute() || uri.isOpaque()) {
        throw refused("must be an absolute https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw refused("is not a URL: " + e.getReason());
    }
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static Set<String> lowerCase(List<String> values) {
    return values.stream().map(String::strip).filter(v -> !v.isEmpty()).map(v -> v.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static DomainException refused(String why) {
    return DomainException.invalid(FIELD, why);
  }
}
