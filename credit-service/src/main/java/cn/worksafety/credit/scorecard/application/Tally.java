package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.scorecard.model.GradeCounts;
import cn.worksafety.credit.scorecard.model.RunProgress;
import cn.worksafety.credit.scorecard.model.SimulatedChange;
import java.util.ArrayList;
import java.util.List;

/** What a pass over the files has counted so far, and the changes found since the last checkpoint. */
final class Tally {
  private final long total;
  private long processed;
  private String lastUscc;
  private long changed;
  private final long[] before = new long[Grade.values().length];
  private final long[] after = new long[Grade.values().length];
  private final List<SimulatedChange> pending = new ArrayList<>();
  private long firstPending;

  Tally(RunProgress from, long total) {
    this.total = total;
    this.processed = from.processed();
    this.lastUscc = from.lastUscc();
    this.changed = from.changed();
    for (Grade grade : Grade.values()) {
      before[grade.ordinal()] = from.before().of(grade);
      after[grade.ordinal()] = from.after().of(grade);
    }
    this.firstPending = changed;
  }

  void passed(String uscc) {
    processed++;
    lastUscc = uscc;
  }

  void graded(Grade was, Grade would) {
    before[was.ordinal()]++;
    after[would.ordinal()]++;
  }

  /** A change a simulation found; numbered in the order found, which is USCC order. */
  void found(SimulatedChange change) {
    pending.add(change);
    changed++;
  }

  /** A rating a re-rating changed. */
  void changedOne() {
    changed++;
  }

  long firstPending() {
    return firstPending;
  }

  /** The changes found since the last call, which numbering goes on after. */
  List<SimulatedChange> takePending() {
    List<SimulatedChange> taken = List.copyOf(pending);
    pending.clear();
    firstPending = changed;
    return taken;
  }

  RunProgress progress() {
    return new RunProgress(total, processed, lastUscc, changed, counts(before), counts(after));
  }

  private static GradeCounts counts(long[] n) {
    return new GradeCounts(n[0], n[1], n[2], n[3]);
  }
}
