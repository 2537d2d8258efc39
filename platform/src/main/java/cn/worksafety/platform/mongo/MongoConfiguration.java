package cn.worksafety.platform.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's own database: the one named in {@code spring.mongodb.uri} or {@code spring.mongodb.database}. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
    return client.getDatabase(properties.getMongoClientDatabase());
  }
}
