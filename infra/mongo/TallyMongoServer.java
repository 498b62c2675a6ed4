import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1:PORT, in memory or in an
 * H2 MVStore file. Run with Java 17's source launcher:
 *
 * <pre>java -cp 'infra/.cache/mongo/lib/*' infra/mongo/TallyMongoServer.java --port 27017
 *      [--h2 .data/mongo/tally.mv] [--parent-pid 1234]</pre>
 *
 * Prints "TallyMongoServer ready on 127.0.0.1:PORT" once it accepts connections.
 */
public class TallyMongoServer {
  /**
   * The mongodb Node driver 7 refuses servers below wire version 9 (MongoDB 4.4), and the
   * newest ServerVersion of mongo-java-server 1.47 reports 8. The commands the driver sends at
   * that level are ones the server answers, so it reports MongoDB 5.0's wire version 13.
   */
  static final MongoVersion REPORTED_VERSION =
      new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
          return List.of(5, 0, 0);
        }

        @Override
        public int getWireVersion() {
          return 13;
        }
      };

  public static void main(String[] args) throws Exception {
    // Before the first logger exists: timestamps, and no line per client connection.
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss,SSS");
    setIfAbsent("org.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire", "warn");
    int port = 27017;
    String h2File = null;
    Long parentPid = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--h2" -> h2File = value(args, ++i, "--h2");
        case "--parent-pid" -> parentPid = Long.parseLong(value(args, ++i, "--parent-pid"));
        default -> fail("unknown argument " + args[i]);
      }
    }

    MongoBackend backend;
    if (h2File != null) {
      Path parent = Path.of(h2File).toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      backend = new H2Backend(openStore(h2File));
    } else {
      backend = new MemoryBackend();
    }
    backend.version(REPORTED_VERSION);

    MongoServer server = new MongoServer(backend);
    // Each connection is served on one event-loop thread, commands included: with netty's
    // default of two per core, a 1,000-document bulk write held every connection sharing its
    // thread (a one-document delete waited 2.8 s behind it). One thread per connection, near
    // enough, so a command waits only for the collection it needs.
    server.bind(
        new InetSocketAddress("127.0.0.1", port), 1, Integer.getInteger("tally.workerThreads", 64));

    CountDownLatch stopped = new CountDownLatch(1);
    // shutdownNow closes the backend, which commits and closes the H2 file.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  stopped.countDown();
                },
                "tally-mongo-shutdown"));
    if (parentPid != null) watchParent(parentPid);

    System.out.println(
        "TallyMongoServer ready on 127.0.0.1:"
            + port
            + (h2File != null ? " (H2 file " + h2File + ")" : " (in memory)"));
    System.out.flush();
    stopped.await();
  }

  /**
   * MVStore.open's defaults (16 MB page cache, a commit per 1 MB of changes, compaction below 90%
   * fill) made the file store stall at tens of thousands of usage records: every updated bucket
   * rewrites its B-tree leaf, and the small cache kept re-reading and the compactor kept
   * rewriting them. A cache that holds the hot pages, fewer larger commits (still at most a
   * second apart), compressed pages and compaction only below half fill: replaying the stack's
   * writes per usage record (intent, record, two day buckets, backup copy) alone against it, the
   * defaults fell to 724 records/s with a 1.35 GB file at 160,000 records; these settings held
   * 1,040 records/s with a 0.49 GB file at 180,000.
   */
  static MVStore openStore(String file) {
    return new MVStore.Builder()
        .fileName(file)
        .cacheSize(Integer.getInteger("tally.h2.cacheMb", 128))
        .autoCommitBufferSize(Integer.getInteger("tally.h2.commitBufferKb", 16 * 1024))
        .autoCompactFillRate(Integer.getInteger("tally.h2.compactBelowPercent", 50))
        .compress()
        .open();
  }

  /** Exits (running the shutdown hook) once the process that started us is gone. */
  static void watchParent(long pid) {
    Thread watchdog =
        new Thread(
            () -> {
              while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.out.println("TallyMongoServer: parent process " + pid + " is gone; exiting");
              System.exit(0);
            },
            "tally-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) System.setProperty(key, value);
  }

  static String value(String[] args, int i, String flag) {
    if (i >= args.length) fail(flag + " needs a value");
    return args[i];
  }

  static void fail(String message) {
    System.err.println("TallyMongoServer: " + message);
    System.err.println(
        "usage: TallyMongoServer.java --port N [--h2 FILE] [--parent-pid PID]");
    System.exit(2);
  }
}
