package cn.worksafety.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** What every benchmark prints, and how: progress lines, the report, and the {@code RESULT} lines. */
final class Report {
  private Report() {}

  static void say(String format, Object... args) {
    System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  /** {@code RESULT <figure> <goal> <measured> <unit>}, the line a summary table is built from (bench/README.md). */
  static void result(String name, String goal, double measured, String unit) {
    say("RESULT %s %s %s %s", name, goal, Double.isNaN(measured) ? "NaN"
        : String.format(Locale.ROOT, "%.3f", measured).replaceAll("\\.?0+$", ""), unit);
  }

  static String verdict(boolean met) {
    return met ? "MET" : "MISSED";
  }

  static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  static String abbreviate(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** The 1, 5 and 15 minute load averages: anything well above 0 before a run is another process sharing the cores. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** CPU time (user + system, ns) of a process, from /proc; 0 where unknown. */
  static long cpuTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat(5) (utime, stime) in clock ticks, here counted from field 3
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.out.println("could not delete " + root + ": " + e.getMessage());
    }
  }

  /** A progress line every few seconds: done of total, the rate now and overall, and the time left at that rate. */
  static final class Progress {
    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long lastAt = start;
    private long lastDone;

    Progress(String what, long total) {
      this.what = what;
      this.total = total;
    }

    void at(long done) {
      long now = System.nanoTime();
      if (now - lastAt < 5_000_000_000L) {
        return;
      }
      double overall = done / ((now - start) / 1e9);
      say("  %s: %d/%d (%d %%)  %.0f/s now, %.0f/s overall, about %.0f s left", what, done, total,
          total == 0 ? 100 : done * 100 / total, (done - lastDone) / ((now - lastAt) / 1e9), overall,
          overall == 0 ? Double.NaN : (total - done) / overall);
      lastAt = now;
      lastDone = done;
    }
  }
}
