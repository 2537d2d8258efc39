package cn.worksafety.platform.privacy;

import java.util.Optional;

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): checked on entry, and masked wherever they
 * are shown to someone who does not need them.
 */
public final class IdNumbers {
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final int SHOWN_HEAD = 3;
  private static final int SHOWN_TAIL = 4;

  private IdNumbers() {}

  /** What is wrong with {@code number}, or empty when it is a well-formed 18-character number. */
  public static Optional<String> problem(String number) {
    if (number == null || number.length() != 18) {
      return Optional.of("must have 18 characters");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.of("the first 17 characters must be digits");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    char expected = CHECK.charAt(sum % 11);
    if (Character.toUpperCase(number.charAt(17)) != expected) {
      return Optional.of("check character should be " + expected);
    }
    return Optional.empty();
  }

  /** {@code 110101199003077777} becomes {@code 110***********7777}; null stays null. */
  public static String mask(String number) {
    if (number == null) {
      return null;
    }
    if (number.length() <= SHOWN_HEAD + SHOWN_TAIL) {
      return "*".repeat(number.length());
    }
    return number.substring(0, SHOWN_HEAD) + "*".repeat(number.length() - SHOWN_HEAD - SHOWN_TAIL)
        + number.substring(number.length() - SHOWN_TAIL);
  }
}
