package cn.worksafety.gateway.publicquery;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;

/**
 * Copies a message's headers across the fast path's hop, leaving behind the hop-by-hop ones that
 * Spring Cloud Gateway's own routes leave behind. Names are compared without case and without
 * lower-casing a copy of each (this runs for every header of every fast-path request).
 */
final class EndToEndHeaders {
  private static final Set<String> HOP_BY_HOP = ignoringCase(RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST);
  /** The service's {@code Host} is the connection's, set by the sender. */
  private static final Set<String> HOP_BY_HOP_AND_HOST =
      ignoringCase(RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST, "host");

  private EndToEndHeaders() {
  }

  static void copyRequest(HttpHeaders from, HttpHeaders to) {
    copy(from, to, HOP_BY_HOP_AND_HOST);
  }

  static void copyAnswer(HttpHeaders from, HttpHeaders to) {
    copy(from, to, HOP_BY_HOP);
  }

  private static void copy(HttpHeaders from, HttpHeaders to, Set<String> leftBehind) {
    for (Map.Entry<String, String> header : from) {
      if (!leftBehind.contains(header.getKey())) {
        to.add(header.getKey(), header.getValue());
      }
    }
  }

  private static Set<String> ignoringCase(Collection<String> names, String... more) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(names);
    set.addAll(List.of(more));
    return set;
  }
}
