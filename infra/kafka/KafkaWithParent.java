import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs a Kafka main class (normally kafka.Kafka) in this JVM, and exits the JVM once the
 * process that started it is gone, so a crashed Node parent never leaves a broker behind.
 * Run with Java 17's source launcher, with Kafka's jars on the class path:
 *
 * <pre>java -cp 'infra/.cache/kafka/lib/*' infra/kafka/KafkaWithParent.java
 *      --parent-pid 1234 kafka.Kafka server.properties</pre>
 *
 * System.exit runs Kafka's own shutdown hook, which stops the broker cleanly.
 */
public class KafkaWithParent {
  public static void main(String[] args) throws Throwable {
    if (args.length < 3 || !args[0].equals("--parent-pid")) {
      System.err.println("usage: KafkaWithParent.java --parent-pid PID MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    long parentPid = Long.parseLong(args[1]);
    watchParent(parentPid);
    Method main = Class.forName(args[2]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 3, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

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
              System.out.println("KafkaWithParent: parent process " + pid + " is gone; exiting");
              System.exit(0);
            },
            "tally-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
