package cn.worksafety.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (the HTTP load tool, Debian package {@code wrk}) at full speed: {@code connections} keep a
 * request each in flight, for {@code duration}, each request a random path from a file.
 */
final class Wrk {
  /** What the script's done() prints: requests, duration and errors, and latency percentiles. */
  private static final Pattern RESULT = Pattern.compile(
      "WRK requests=(\\d+) duration_us=(\\d+) errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");
  private static final String SCRIPT = """
      local paths = {}
      local threads = 0
      setup = function(thread)
        threads = threads + 1
        thread:set("id", threads)
      end
      init = function(args)
        for line in io.lines(args[1]) do paths[#paths + 1] = line end
        math.randomseed(os.time() * 1000 + id)
      end
      request = function()
        return wrk.format("GET", paths[math.random(#paths)], {["Accept"] = "application/json"})
      end
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format("WRK requests=%d duration_us=%d errors=%d p50_us=%d p99_us=%d\\n",
          summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
          latency:percentile(50), latency:percentile(99)))
      end
      """;

  record Outcome(long requests, double seconds, long errors, double p50Millis, double p99Millis) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private final Path script;
  private final Path paths;

  Wrk(Path work, List<String> paths) throws IOException {
    this.script = work.resolve("wrk.lua");
    this.paths = work.resolve("wrk-paths.txt");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    Files.write(this.paths, paths, StandardCharsets.UTF_8);
  }

  static void requireInstalled() throws IOException, InterruptedException {
    Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
    probe.getInputStream().readAllBytes();
    probe.waitFor();
  }

  Outcome run(URI base, int threads, int connections, Duration duration) throws IOException, InterruptedException {
    Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
        "--timeout", "10s", "-s", script.toString(), base.toString(), "--", paths.toString())
        .redirectErrorStream(true).start();
    String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = wrk.waitFor();
    Matcher m = RESULT.matcher(output);
    if (exit != 0 || !m.find()) {
      throw new IllegalStateException("wrk failed (exit " + exit + "):\n" + output);
    }
    return new Outcome(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)),
        Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0);
  }
}
