package cn.worksafety.credit.publicquery.infrastructure;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;

/**
 * Cuts a name (already normalized, see {@code SearchText}) into the pieces the index looks names up
 * by: every pair of neighbouring characters, one position apart, so that the pairs of what was typed
 * found at consecutive positions are exactly the names that contain it; and every single character,
 * for a search of one character. Chinese names have no spaces to split words at, and pairs are what
 * CJK search indexes compare on; the same pairs serve Latin letters and digits in a name.
 */
final class NameGrams extends Analyzer {
  /** Pairs, with positions. */
  static final String PAIRS = "name_pairs";
  /** Single characters, without positions. */
  static final String CHARACTERS = "name_characters";

  NameGrams() {
    // the default strategy hands every field the components made for the first one
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(CHARACTERS.equals(fieldName) ? new NGramTokenizer(1, 1)
        : new NGramTokenizer(2, 2));
  }
}
