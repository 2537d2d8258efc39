package cn.worksafety.gateway.publicquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FastPathDrainTest {

  @Test
  void stoppingTakesNoMoreRequestsAndWaitsForTheOnesInFlight() throws Exception {
    FastPathDrain drain = new FastPathDrain();
    drain.start();
    assertThat(drain.draining()).isFalse();
    drain.started();

    CompletableFuture<Void> stopped = CompletableFuture.runAsync(drain::stop);
    Thread.sleep(300);
    assertThat(drain.draining()).as("new requests go the ordinary way").isTrue();
    assertThat(stopped).as("still waiting for the request in flight").isNotDone();

    drain.finished();
    stopped.get(5, TimeUnit.SECONDS);
  }

  @Test
  void withNothingInFlightStoppingIsImmediate() throws Exception {
    FastPathDrain drain = new FastPathDrain();
    drain.start();
    CompletableFuture.runAsync(drain::stop).get(1, TimeUnit.SECONDS);
    assertThat(drain.isRunning()).isFalse();
  }
}
