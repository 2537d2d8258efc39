package cn.worksafety.credit.publicquery.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared when searched: full- and half-width forms alike (NFKC), upper and lower
 * case alike, and without spaces, punctuation, brackets or symbols, so "安泰（集团）" is found by
 * "安泰集团" and "ＡＢＣ" by "abc". Unlike screening's comparison, the company form (有限公司) stays:
 * a search finds what was typed, anywhere in the name.
 */
public final class SearchText {
  /** Control and format characters too: nothing typed can carry an index's own markers. */
  private static final Pattern NOISE = Pattern.compile("[\\p{C}\\p{P}\\p{S}\\p{Z}]+");

  private SearchText() {}

  /** The text as searched; empty for a null or blank text. */
  public static String normalized(String text) {
    if (text == null) {
      return "";
    }
    return NOISE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
  }
}
