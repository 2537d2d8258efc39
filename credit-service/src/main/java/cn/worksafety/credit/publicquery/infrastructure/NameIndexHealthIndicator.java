package cn.worksafety.credit.publicquery.infrastructure;

import cn.worksafety.credit.publicquery.application.NameIndex;
import cn.worksafety.credit.publicquery.application.NameIndexing;
import cn.worksafety.credit.publicquery.model.IndexStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * How far the name index has come. Up while it is built: lookups by code answer all along, and only
 * name searches wait for it (with 503 and Retry-After), so the replica is not taken out of service.
 */
@Component
public class NameIndexHealthIndicator extends AbstractHealthIndicator {
  private final NameIndexing indexing;
  private final NameIndex index;

  public NameIndexHealthIndicator(NameIndexing indexing, NameIndex index) {
    super("name index status unavailable");
    this.indexing = indexing;
    this.index = index;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    IndexStatus status = indexing.status();
    builder.up().withDetail("searchable", status.searchable()).withDetail("walking", status.walking())
        .withDetail("walked", status.walked()).withDetail("expected", status.expected())
        .withDetail("percent", status.percent()).withDetail("documents", index.size())
        .withDetail("eventsApplied", status.eventsApplied());
    if (status.walkStartedAt() != null) {
      builder.withDetail("walkStartedAt", status.walkStartedAt().toString());
    }
    if (status.searchable()) {
      builder.withDetail("searchableSince", status.searchableSince().toString());
    }
  }
}
