package cn.worksafety.credit.creditfile.application;

import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.RatingChangedEvent;
import cn.worksafety.platform.web.PageView;
import java.util.Optional;
import java.util.stream.Stream;

/** Where credit files are kept. */
public interface CreditFiles {

  Optional<CreditFile> find(String uscc);

  /**
   * Stores {@code changed} in place of the version before it (or as a new file when that version is
   * 0), with the rating change to announce, in one write; false when someone else stored a newer
   * version meanwhile.
   */
  boolean save(CreditFile changed, Optional<RatingChangedEvent> ratingChanged);

  /** Every rated file of an enterprise inside {@code region} (a province or city covers the codes under it). */
  void forEachIn(String region, java.util.function.Consumer<CreditFile> action);

  /**
   * Every file whose USCC comes after {@code afterUscc} (every file when null), in USCC order, read
   * {@code batchSize} files at a time, never all at once (their keys are read first). Close the
   * stream when done.
   */
  Stream<CreditFile> inUsccOrderAfter(String afterUscc, int batchSize);

  /** How many files there are, registered or not (an estimate is good enough). */
  long count();

  /** Files whose name contains {@code text} or whose code starts with it; all files when it is blank. */
  PageView<CreditFile> search(String text, int offset, int limit);
}
