package cn.worksafety.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the service's {@code /actuator/prometheus} once a second: heap used (all heap pools
 * summed), the relay's backlog gauge and the GC pause totals, keeping the peak heap per phase.
 */
final class ServiceMetrics implements AutoCloseable {

  /** One scrape, summed over the labels that matter here. */
  record Sample(double heapUsed, double liveAfterGc, double pendingDocuments, double gcPauses, double gcPauseSeconds) {}

  private final ServiceApi api;
  private final Thread thread;
  private final Map<String, Double> peakHeap = new ConcurrentHashMap<>();
  private volatile String phase = "startup";
  private volatile boolean running = true;
  private volatile double peakLive;

  ServiceMetrics(ServiceApi api) {
    this.api = api;
    this.thread = new Thread(this::loop, "service-metrics");
    thread.setDaemon(true);
    thread.start();
  }

  void phase(String name) {
    phase = name;
  }

  double peakHeap(String phase) {
    return peakHeap.getOrDefault(phase, 0.0);
  }

  double peakHeap() {
    return peakHeap.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  double peakLiveAfterGc() {
    return peakLive;
  }

  /** The value of the first series whose line starts with {@code series} (name and labels); NaN when there is none. */
  double valueOf(String series) throws Exception {
    for (String line : api.get("/actuator/prometheus").split("\n")) {
      if (line.startsWith(series)) {
        return value(line);
      }
    }
    return Double.NaN;
  }

  Sample scrape() throws Exception {
    String text = api.get("/actuator/prometheus");
    double heap = 0;
    double live = 0;
    double pending = 0;
    double pauses = 0;
    double pauseSeconds = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        heap += value(line);
      } else if (line.startsWith("jvm_gc_live_data_size_bytes")) {
        live += value(line);
      } else if (line.startsWith("outbox_pending_documents")) {
        pending += value(line);
      } else if (line.startsWith("jvm_gc_pause_seconds_count")) {
        pauses += value(line);
      } else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
        pauseSeconds += value(line);
      }
    }
    Sample sample = new Sample(heap, live, pending, pauses, pauseSeconds);
    peakHeap.merge(phase, heap, Math::max);
    peakLive = Math.max(peakLive, live);
    return sample;
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private void loop() {
    while (running) {
      try {
        scrape();
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // a missed sample is no reason to stop; the next one comes in a second
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
