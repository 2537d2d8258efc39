package cn.worksafety.credit.creditfile.application;

import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.RatingChangedEvent;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import java.util.Collection;
import java.util.Map;
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

  /** The files of these enterprises that exist, by USCC, read together. */
  Map<String, CreditFile> findAll(Collection<String> usccs);

  /**
   * The name and region of every registered enterprise, in USCC order, read a batch at a time and
   * without the rest of its file. Close the stream when done.
   */
  Stream<RegisteredName> registeredNames();
}
