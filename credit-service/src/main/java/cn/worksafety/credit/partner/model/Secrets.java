package cn.worksafety.credit.partner.model;

import java.security.SecureRandom;
import java.util.Base64;

/** Passwords and signing secrets: 192 random bits, URL-safe text. */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  public static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
