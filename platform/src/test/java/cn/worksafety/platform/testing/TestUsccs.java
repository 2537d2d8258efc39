package cn.worksafety.platform.testing;

import cn.worksafety.contracts.Uscc;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid 统一社会信用代码 for tests, so tests sharing a database never collide. */
public final class TestUsccs {
  private static final String CHARSET = Uscc.CHARSET;

  private TestUsccs() {}

  public static String random(String region) {
    StringBuilder code = new StringBuilder("91").append(region);
    for (int i = 0; i < 9; i++) {
      code.append(CHARSET.charAt(ThreadLocalRandom.current().nextInt(CHARSET.length())));
    }
    return code.append(Uscc.checkCharacter(code.toString())).toString();
  }

  /** The same code with a wrong check character. */
  public static String withWrongCheck(String valid) {
    char check = valid.charAt(17);
    char wrong = CHARSET.charAt((CHARSET.indexOf(check) + 1) % CHARSET.length());
    return valid.substring(0, 17) + wrong;
  }
}
