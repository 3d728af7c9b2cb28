package io.github.itsmejakarta.testkit.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON through JSON-P, converted to and from plain Java values ({@code Map}, {@code List}, {@code String},
 * {@code Boolean}, {@code Long}/{@code BigDecimal}, {@code null}). Stateless, thread-safe.
 */
public final class Json {

    private Json() {
    }

    /** Parses a JSON object. */
    public static Map<String, Object> parseObject(String json) {
        try (JsonReader reader = jakarta.json.Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return toMap(value.asJsonObject());
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("malformed JSON", e);
        } catch (JsonException e) {
            throw new IllegalArgumentException("unreadable JSON", e);
        }
    }

    /** Converts a JSON-P object to Java values. */
    public static Map<String, Object> toMap(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, toJava(v)));
        return map;
    }

    /** Converts a JSON-P value to a Java value. */
    public static Object toJava(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT :
                return toMap(value.asJsonObject());
            case ARRAY :
                List<Object> list = new ArrayList<>();
                for (JsonValue v : (JsonArray) value) {
                    list.add(toJava(v));
                }
                return list;
            case STRING :
                return ((JsonString) value).getString();
            case NUMBER :
                JsonNumber number = (JsonNumber) value;
                return number.isIntegral() ? (Object) number.longValue() : number.bigDecimalValue();
            case TRUE :
                return Boolean.TRUE;
            case FALSE :
                return Boolean.FALSE;
            default :
                return null;
        }
    }

    /** Writes a map of Java values as a JSON object. */
    public static String write(Map<String, ?> map) {
        return toJsonObject(map).toString();
    }

    /** Converts a map of Java values to JSON-P. */
    public static JsonObject toJsonObject(Map<String, ?> map) {
        JsonObjectBuilder builder = jakarta.json.Json.createObjectBuilder();
        map.forEach((k, v) -> builder.add(k, toJsonValue(v)));
        return builder.build();
    }

    /** Converts a Java value to JSON-P. */
    public static JsonValue toJsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return jakarta.json.Json.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return jakarta.json.Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigDecimal d) {
            return jakarta.json.Json.createValue(d);
        }
        if (value instanceof Number n) {
            return jakarta.json.Json.createValue(n.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = jakarta.json.Json.createObjectBuilder();
            map.forEach((k, v) -> builder.add(String.valueOf(k), toJsonValue(v)));
            return builder.build();
        }
        if (value instanceof Collection<?> collection) {
            JsonArrayBuilder builder = jakarta.json.Json.createArrayBuilder();
            collection.forEach(v -> builder.add(toJsonValue(v)));
            return builder.build();
        }
        if (value instanceof Object[] array) {
            return toJsonValue(List.of(array));
        }
        return jakarta.json.Json.createValue(value.toString());
    }
}
