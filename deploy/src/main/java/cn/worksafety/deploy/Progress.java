package cn.worksafety.deploy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Console progress: numbered steps ({@code [2/6] starting credit-service on :8082 ..... ready (14 s)})
 * with a ticker while waiting, counters, and the final box. All output goes through one lock so the
 * ticker never splits a line written by someone else.
 */
final class Progress {

  private final PrintStream out;
  private final int totalSteps;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "progress-ticker");
    thread.setDaemon(true);
    return thread;
  });
  private boolean lineOpen;

  Progress(PrintStream out, int totalSteps) {
    this.out = out;
    this.totalSteps = totalSteps;
  }

  static Progress silent() {
    return new Progress(new PrintStream(OutputStream.nullOutputStream()), 1);
  }

  /** Opens a step line; the ticker adds a dot a second and the elapsed seconds every ten. */
  Step step(int number, String text) {
    synchronized (this) {
      endOpenLine();
      out.print("[" + number + "/" + totalSteps + "] " + text + " ");
      out.flush();
      lineOpen = true;
    }
    return new Step();
  }

  /** A line of its own (closing an open step line first). */
  synchronized void line(String text) {
    endOpenLine();
    out.println(text);
    out.flush();
  }

  /** Prints "label done/total" at about every sixth of the way and at the end. */
  void count(String label, int done, int total) {
    int every = Math.max(1, total / 6);
    if (done % every == 0 || done == total) {
      line(String.format("      %s %" + String.valueOf(total).length() + "d/%d", label, done, total));
    }
  }

  /** A block between two rules; no side borders, so that commands in it can be copied as they are. */
  synchronized void box(List<String> lines) {
    endOpenLine();
    int width = lines.stream().mapToInt(String::length).max().orElse(0);
    String rule = "─".repeat(Math.min(width + 2, 100));
    out.println();
    out.println("┌" + rule);
    lines.forEach(text -> out.println(text.isEmpty() ? "" : "  " + text));
    out.println("└" + rule);
    out.flush();
  }

  private void endOpenLine() {
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
  }

  final class Step {
    private final long started = System.nanoTime();
    private final ScheduledFuture<?> tick;
    private boolean ticked;

    private Step() {
      tick = ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
      synchronized (Progress.this) {
        if (!lineOpen) {
          return; // someone printed a line of their own; do not start dotting a fresh one
        }
        long seconds = seconds();
        out.print(seconds % 10 == 0 ? seconds + "s" : ".");
        out.flush();
        ticked = true;
      }
    }

    long seconds() {
      return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    /** Ends the step with e.g. "ready (14 s)". */
    void done(String word) {
      finish(word + " (" + seconds() + " s)");
    }

    void fail(String word) {
      finish("FAILED: " + word + " (" + seconds() + " s)");
    }

    private void finish(String text) {
      tick.cancel(false);
      synchronized (Progress.this) {
        if (lineOpen) {
          out.println((ticked ? " " : "… ") + text);
          lineOpen = false;
        } else {
          out.println("      … " + text);
        }
        out.flush();
      }
    }
  }
}
