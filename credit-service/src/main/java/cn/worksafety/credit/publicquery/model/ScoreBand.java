package cn.worksafety.credit.publicquery.model;

/**
 * How the public sees a score: the ten points it falls in ("80–89"), never the score itself.
 *
 * <p>CONTRACT.md gives the exact score, with the rating's explanation line by line, to officers,
 * administrators and partner departments only; the public query shows the grade (what supervision
 * acts on, DOMAIN.md) and this band beside it. A band says how far above or below a grade's
 * threshold an enterprise stands without turning every few points' change into news, and a record
 * leaving its publication period still moves the band once it takes the score across ten.
 */
public final class ScoreBand {
  private static final int WIDTH = 10;

  private ScoreBand() {}

  /** The band of a score (0 or more): {@code 85} is "80–89", {@code 102} is "100–109". */
  public static String of(int score) {
    if (score < 0) {
      throw new IllegalArgumentException("a score is never below 0, got " + score);
    }
    int low = score / WIDTH * WIDTH;
    return low + "–" + (low + WIDTH - 1);
  }
}
