package cn.worksafety.platform.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring Boot's Mongo indicator, which sends {@code hello}: the embedded store does not
 * know that command, while every MongoDB answers {@code ping}.
 */
@Component("mongoHealthIndicator")
public class MongoPingHealthIndicator extends AbstractHealthIndicator {
  private final MongoDatabase database;

  public MongoPingHealthIndicator(MongoDatabase database) {
    super("MongoDB ping failed");
    this.database = database;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    database.runCommand(new Document("ping", 1));
    builder.up().withDetail("database", database.getName());
  }
}
