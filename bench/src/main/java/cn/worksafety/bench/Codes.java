package cn.worksafety.bench;

import cn.worksafety.contracts.Uscc;

/** Codes for the enterprises the benchmarks make up. */
final class Codes {
  private Codes() {}

  /** A valid unified social credit code (GB 32100) of {@code region} whose organisation code spells {@code n}. */
  static String uscc(String region, long n) {
    StringBuilder code = new StringBuilder("91").append(region);
    StringBuilder org = new StringBuilder();
    for (int d = 0; d < 9; d++) {
      org.append(Uscc.CHARSET.charAt((int) (n % Uscc.CHARSET.length())));
      n /= Uscc.CHARSET.length();
    }
    code.append(org.reverse());
    return code.append(Uscc.checkCharacter(code.toString())).toString();
  }
}
