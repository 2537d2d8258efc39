package cn.worksafety.credit.creditfile.model;

/**
 * How severe an accident is for credit, by its grade: an ordinary accident (一般) is general; a major
 * (较大), serious (重大) or especially serious (特别重大) one is serious.
 */
public final class AccidentSeverity {
  private AccidentSeverity() {}

  public static Severity of(String grade) {
    return "ORDINARY".equals(grade) ? Severity.GENERAL : Severity.SERIOUS;
  }
}
