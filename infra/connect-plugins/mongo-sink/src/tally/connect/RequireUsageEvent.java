package tally.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Passes a record on unchanged only when its value is a usage event the backup can store: a
 * schemaless JSON object whose {@code data} is an object holding {@code usageId},
 * {@code occurredAt} and {@code recordedAt} as non-empty strings, and, when configured, whose
 * {@code type} is {@code event.type} and whose {@code version} is one of {@code event.versions}
 * (another event, or a version whose {@code data} may differ, would be stored as a usage record
 * unnoticed). Anything else fails here, in the transformation stage,
 * where the connector's {@code errors.tolerance=all} sends it to the dead-letter topic with
 * the reason; past this point it would reach the sink as a null or id-less document and fail
 * the task, since MongoDB write errors are rightly not tolerated. First in the chain, before
 * ExtractField(data), which turns a missing {@code data} into a null value.
 */
public class RequireUsageEvent<R extends ConnectRecord<R>> implements Transformation<R> {
  public static final String EVENT_TYPE = "event.type";
  public static final String EVENT_VERSIONS = "event.versions";
  private static final List<String> REQUIRED = List.of("usageId", "occurredAt", "recordedAt");
  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              EVENT_TYPE,
              ConfigDef.Type.STRING,
              null,
              ConfigDef.Importance.MEDIUM,
              "When set, the envelope's `type` must be this (e.g. UsageRecorded).")
          .define(
              EVENT_VERSIONS,
              ConfigDef.Type.LIST,
              List.of(),
              ConfigDef.Importance.MEDIUM,
              "When not empty, the envelope's `version` must be one of these integers.");

  private String eventType;
  private List<String> eventVersions;

  @Override
  public void configure(Map<String, ?> configs) {
    AbstractConfig config = new AbstractConfig(CONFIG, configs);
    eventType = config.getString(EVENT_TYPE);
    eventVersions = config.getList(EVENT_VERSIONS);
  }

  @Override
  public R apply(R record) {
    Object value = record.value();
    if (value == null) throw refused("no value (a tombstone or JSON null)");
    if (!(value instanceof Map<?, ?> event)) throw refused("the value is not a JSON object");
    if (eventType != null && !eventType.equals(event.get("type")))
      throw refused("`type` is " + describe(event.get("type")) + ", not " + eventType);
    String version = versionOf(event.get("version"));
    if (!eventVersions.isEmpty() && !eventVersions.contains(version))
      throw refused("`version` is " + version + ", not one of " + eventVersions);
    Object data = event.get("data");
    if (data == null) throw refused("no `data`");
    if (!(data instanceof Map<?, ?> fields)) throw refused("`data` is not an object");
    for (String field : REQUIRED) {
      if (!(fields.get(field) instanceof String text) || text.isEmpty())
        throw refused("`data." + field + "` is " + describe(fields.get(field)));
    }
    return record;
  }

  private static DataException refused(String why) {
    return new DataException("not a usage event the backup can store: " + why);
  }

  /** JSON integers arrive as Long (schemaless JsonConverter); anything else never matches. */
  private static String versionOf(Object value) {
    if (value instanceof Long || value instanceof Integer) return value.toString();
    return value == null ? "missing" : "not an integer";
  }

  private static String describe(Object value) {
    if (value == null) return "missing";
    if (!(value instanceof String text)) return "not a string";
    if (text.isEmpty()) return "empty";
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public void close() {}
}
