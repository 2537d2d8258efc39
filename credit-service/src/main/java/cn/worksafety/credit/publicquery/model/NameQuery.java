package cn.worksafety.credit.publicquery.model;

import cn.worksafety.contracts.Uscc;
import java.util.Locale;
import java.util.Optional;

/**
 * What a member of the public typed, read both ways: as part of a name and, when it could be one,
 * as the start of a 统一社会信用代码 (any case, spaces ignored). Nothing typed asks for every
 * enterprise; something typed of which nothing is left to search (only punctuation) finds none.
 *
 * @param name the text as names are searched ({@link SearchText}); empty when nothing is left of it
 * @param usccPrefix the text upper-cased when it is 1 to 18 characters of the code's character set
 * @param all whether nothing was typed
 */
public record NameQuery(String name, Optional<String> usccPrefix, boolean all) {

  public static NameQuery of(String typed) {
    String compact = typed == null ? "" : typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    boolean codeLike = !compact.isEmpty() && compact.length() <= Uscc.LENGTH
        && compact.chars().allMatch(c -> Uscc.CHARSET.indexOf(c) >= 0);
    return new NameQuery(SearchText.normalized(typed), codeLike ? Optional.of(compact) : Optional.empty(),
        typed == null || typed.isBlank());
  }

}
