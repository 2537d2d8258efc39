package cn.worksafety.platform.security;

/**
 * Data scope by GB/T 2260 code: a province-level code ({@code 510000}) covers every code starting
 * with its first two digits, a prefecture-level code ({@code 510100}) every code starting with its
 * first four, and a county-level code only itself.
 */
public final class RegionScope {
  private RegionScope() {}

  public static boolean covers(String scope, String region) {
    return isRegionCode(scope) && isRegionCode(region) && region.startsWith(prefix(scope));
  }

  /** The leading digits every region code inside {@code scope} shares. */
  public static String prefix(String scope) {
    if (scope.endsWith("0000")) {
      return scope.substring(0, 2);
    }
    if (scope.endsWith("00")) {
      return scope.substring(0, 4);
    }
    return scope;
  }

  public static boolean isRegionCode(String code) {
    return code != null && code.matches("[1-9][0-9]{5}");
  }
}
