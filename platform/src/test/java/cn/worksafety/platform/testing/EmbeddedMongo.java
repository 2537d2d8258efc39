package cn.worksafety.platform.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * The embedded Mongo-compatible store (memory backend) that integration tests talk to over TCP with
 * the official driver, one per test JVM; each test class gets a database of its own.
 */
public final class EmbeddedMongo {
  private static MongoServer server;
  private static InetSocketAddress address;

  private EmbeddedMongo() {}

  public static synchronized String uri(String databasePrefix) {
    if (server == null) {
      server = new MongoServer(new MemoryBackend());
      address = server.bind();
      // No shutdown hook: stopping the server while the application contexts close in their own hooks
      // left a relay round waiting 30 s for a store that was gone. The JVM's exit ends the server.
    }
    return "mongodb://127.0.0.1:" + address.getPort() + "/" + databasePrefix + "-"
        + UUID.randomUUID().toString().substring(0, 8) + "?serverSelectionTimeoutMS=5000";
  }
}
