package cn.worksafety.credit.screening.model;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How two spellings of a unit's name are compared: the same name written with full- or half-width
 * characters, with or without brackets, spaces or punctuation, and with or without its company
 * form (有限公司, 有限责任公司, …) is the same name.
 */
public final class UnitNames {
  /** Longest first, so 股份有限公司 is not cut down to 股份. */
  private static final List<String> COMPANY_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "公司",
      "companylimited", "coltd", "limited", "ltd", "inc");
  /** Brackets of every width, punctuation, symbols and spaces: none of them tells two units apart. */
  private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

  private UnitNames() {}

  /** The name as compared; empty for a null or blank name. */
  public static String normalized(String name) {
    if (name == null) {
      return "";
    }
    String plain = NOISE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
        .replaceAll("");
    for (String form : COMPANY_FORMS) {
      if (plain.endsWith(form) && plain.length() > form.length()) {
        return plain.substring(0, plain.length() - form.length());
      }
    }
    return plain;
  }

  /**
   * The pairs of neighbouring characters of a normalized name (the name itself when it has one
   * character). Chinese names have no spaces to split words at; character pairs are what CJK search
   * indexes compare on, and a shared city prefix weighs as little as it should.
   */
  public static Set<String> bigrams(String normalized) {
    Set<String> pairs = new HashSet<>();
    int[] cps = normalized.codePoints().toArray();
    if (cps.length == 1) {
      pairs.add(normalized);
    }
    for (int i = 0; i + 1 < cps.length; i++) {
      pairs.add(new String(cps, i, 2));
    }
    return pairs;
  }

  /** Dice's coefficient of two bigram sets: 1 for the same pairs, 0 for none in common. */
  public static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String pair : a) {
      if (b.contains(pair)) {
        common++;
      }
    }
    return 2.0 * common / (a.size() + b.size());
  }
}
