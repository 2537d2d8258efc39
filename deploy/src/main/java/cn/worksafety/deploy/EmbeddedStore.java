package cn.worksafety.deploy;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import cn.worksafety.deploy.store.BsonH2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The embedded local document store: mongo-java-server on 127.0.0.1, spoken to over TCP by the
 * official driver. Runs in its own process so that it is shut down cleanly (the H2 file backend
 * can lose about the last second of writes when killed). With {@code --exit-with-parent} (as the
 * local stack and the benchmarks start it) it stops when its parent does and ignores Ctrl-C: the
 * parent stops it, after the services.
 *
 * <pre>java -cp local-stack.jar cn.worksafety.deploy.EmbeddedStore [--port 27017]
 *     [--backend h2 --file .data/store.mv.db [--cache-mb 256] | --backend memory] [--exit-with-parent]</pre>
 *
 * <p>The H2 file backend keeps documents and index keys as BSON bytes ({@link BsonH2Backend}); a
 * read that misses its page cache reads a whole page from the file: the cache (H2's default is
 * 16 MB) is what keeps random reads of a large store cheap.
 */
public final class EmbeddedStore {

  private static final String HOST = "127.0.0.1";

  private final MongoServer server;
  private final MongoBackend backend;
  private final String description;
  private boolean stopped;

  private EmbeddedStore(MongoBackend backend, String description) {
    this.backend = backend;
    this.server = new MongoServer(backend);
    this.description = description;
  }

  /** The default page cache of the h2 backend, in MB. */
  public static final int DEFAULT_CACHE_MB = 256;

  /** Opens the backend and binds; {@code file} is only used by the h2 backend. */
  public static EmbeddedStore start(int port, String backendName, Path file) {
    return start(port, backendName, file, DEFAULT_CACHE_MB);
  }

  /** As {@link #start(int, String, Path)}, with the h2 backend's page cache of {@code cacheMb} MB. */
  public static EmbeddedStore start(int port, String backendName, Path file, int cacheMb) {
    EmbeddedStore store = switch (backendName) {
      case "h2" -> {
        if (file == null) {
          throw new IllegalArgumentException("--backend h2 needs --file <path>");
        }
        createParent(file);
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
        yield new EmbeddedStore(new BsonH2Backend(mvStore), "h2 file " + file + ", " + cacheMb + " MB page cache");
      }
      case "memory" -> new EmbeddedStore(new MemoryBackend(), "memory (nothing is kept)");
      default -> throw new IllegalArgumentException("unknown backend '" + backendName + "' (h2 or memory)");
    };
    store.server.bind(HOST, port);
    return store;
  }

  public String connectionString() {
    return "mongodb://" + HOST + ":" + server.getLocalAddress().getPort();
  }

  public String description() {
    return description;
  }

  /** Stops listening, lets running requests finish, then closes the backend so its file is complete. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    server.shutdown();
    // MongoServer.shutdown() already closes the backend; make sure the MVStore really is closed,
    // because an unclosed store is exactly what loses the last writes.
    if (backend instanceof H2Backend h2 && !h2.getMvStore().isClosed()) {
      h2.getMvStore().close();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("EmbeddedStore: " + e.getMessage());
      System.err.println("usage: EmbeddedStore [--port 27017] [--backend h2 --file <path> [--cache-mb 256]"
          + " | --backend memory]"
          + " [--exit-with-parent]");
      System.exit(2);
      return;
    }
    EmbeddedStore store;
    try {
      store = start(options.port, options.backend, options.file, options.cacheMb);
    } catch (RuntimeException e) {
      System.err.println("EmbeddedStore: could not start on " + HOST + ":" + options.port + ": " + e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("EmbeddedStore: shutting down " + store.description());
      store.stop();
      System.out.println("EmbeddedStore: shut down cleanly, " + store.description() + " closed");
      System.out.flush();
      stopped.countDown();
    }, "embedded-store-shutdown"));
    if (options.exitWithParent) {
      // Ctrl-C in a terminal reaches the whole process group at once. The parent stops the services
      // first and this store last, so their last writes still find it; left to the signal, the store
      // went first and each service waited out its driver's timeout until it was killed.
      Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
      // If whoever started us dies without stopping us, do not hold the port and the file forever.
      ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
        System.out.println("EmbeddedStore: parent process exited, stopping");
        System.exit(0);
      }));
    }
    System.out.println("EmbeddedStore: ready on " + store.connectionString() + " (" + store.description() + ")");
    System.out.flush();
    stopped.await();
  }

  private static void createParent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent, e);
    }
  }

  record Options(int port, String backend, Path file, boolean exitWithParent, int cacheMb) {

    static Options parse(String[] args) {
      int port = 27017;
      String backend = "h2";
      Path file = null;
      boolean exitWithParent = false;
      int cacheMb = DEFAULT_CACHE_MB;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
          case "--backend" -> backend = value(args, ++i, "--backend");
          case "--file" -> file = Path.of(value(args, ++i, "--file"));
          case "--cache-mb" -> cacheMb = Integer.parseInt(value(args, ++i, "--cache-mb"));
          case "--exit-with-parent" -> exitWithParent = true;
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (backend.equals("h2") && file == null) {
        throw new IllegalArgumentException("--backend h2 needs --file <path>");
      }
      if (cacheMb < 1) {
        throw new IllegalArgumentException("--cache-mb must be at least 1");
      }
      return new Options(port, backend, file, exitWithParent, cacheMb);
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }
  }
}
