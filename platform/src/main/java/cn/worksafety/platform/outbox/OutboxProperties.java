package cn.worksafety.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param exchange the exchange this service publishes to
 * @param source the CloudEvents {@code source} of this service's events
 * @param collections the collections whose documents carry an {@code outbox}
 * @param sweepInterval how often every outbox is scanned regardless, as a last resort: each
 *     instance publishes its own writes, sweeps when it starts and when another instance falls silent.
 *     On the embedded store the scan reads every document with the collection locked (7–16 s of one
 *     core at 100,000 cases), so it is kept rare
 * @param heartbeat how often an instance says it is alive (and looks for silent ones)
 * @param peerSilence how long another instance may say nothing before this one sweeps up what it
 *     may have left (it crashed); an instance that stops with events unpublished says so at once
 * @param confirmTimeout how long a batch waits for the broker's confirms. A batch not confirmed in
 *     time is published again later, so under a burst a short wait adds copies to the broker's load
 *     just when it is slowest (5 s gave 9 % copies in the fan-out benchmark; 15 s none)
 * @param lease how long a relay may hold the publishing lease before another instance may take it:
 *     rounds stop two confirm waits before it runs out, and it is how long publishing waits after
 *     the instance holding it died
 * @param batchSize how many documents one relay batch reads, publishes and pulls together
 * @param relayOnWrite whether a write that carries events starts a relay round at once, rather than at
 *     the next poll (the poll stays, for retries and for what another instance left)
 */
@ConfigurationProperties("app.outbox")
public record OutboxProperties(
    String exchange,
    String source,
    List<String> collections,
    @DefaultValue("200ms") Duration pollInterval,
    @DefaultValue("6h") Duration sweepInterval,
    @DefaultValue("15s") Duration confirmTimeout,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("256") int batchSize,
    @DefaultValue("true") boolean relayOnWrite,
    @DefaultValue("10s") Duration heartbeat,
    @DefaultValue("30s") Duration peerSilence) {

  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("app.outbox.batch-size must be at least 1, was " + batchSize);
    }
    if (peerSilence.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("app.outbox.peer-silence (" + peerSilence
          + ") must be at least twice app.outbox.heartbeat (" + heartbeat + "), or a live instance looks silent");
    }
  }
}
