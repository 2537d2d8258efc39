package cn.worksafety.contracts;

import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character set, the last one a check
 * character over the first 17. This is the identity of every enterprise and the {@code subject} of
 * every event, which is why it lives in the shared contract.
 */
public final class Uscc {
  public static final int LENGTH = 18;
  /** The 31 characters a code may use, each worth its index (no I, O, S, V, Z). */
  public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private Uscc() {}

  /** What is wrong with a candidate code, or empty when it is a valid code. */
  public static Optional<String> problem(String code) {
    if (code == null || code.length() != LENGTH) {
      return Optional.of("must be 18 characters");
    }
    for (int i = 0; i < LENGTH; i++) {
      if (CHARSET.indexOf(code.charAt(i)) < 0) {
        return Optional.of("character '" + code.charAt(i) + "' at position " + (i + 1)
            + " is not allowed (digits and upper-case letters except I, O, S, V, Z)");
      }
    }
    char expected = checkCharacter(code.substring(0, LENGTH - 1));
    if (code.charAt(LENGTH - 1) != expected) {
      return Optional.of("check character should be '" + expected + "'");
    }
    return Optional.empty();
  }

  /**
   * Whether the code is well formed (18 characters from the set) and only its check character is
   * wrong, as with the few historic codes in real registries that an administrator may register.
   */
  public static boolean failsOnlyTheCheckCharacter(String code) {
    return code != null && code.length() == LENGTH && code.chars().allMatch(c -> CHARSET.indexOf(c) >= 0)
        && code.charAt(LENGTH - 1) != checkCharacter(code.substring(0, LENGTH - 1));
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /** The check character for the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    if (first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("need the first 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = CHARSET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("character '" + first17.charAt(i) + "' is not allowed");
      }
      sum += value * WEIGHTS[i];
    }
    return CHARSET.charAt((31 - sum % 31) % 31);
  }

  /** The GB/T 2260 area code in positions 3–8. */
  public static String areaCode(String code) {
    return code.substring(2, 8);
  }
}
