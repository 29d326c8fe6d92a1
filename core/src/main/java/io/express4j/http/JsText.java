package io.express4j.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript string and object semantics that the ported npm packages silently rely on.
 *
 * <p>Two things leak into observable output: what a regex {@code \s} matches (used for trimming by
 * mime-types and fresh), and the property order of a plain JS object, which lists "array index"
 * keys ({@code "0"}, {@code "42"}, never {@code "01"}) first in ascending numeric order and only
 * then the other keys in insertion order. Parsed query strings and Content-Type parameters are JS
 * objects upstream, so their iteration (and hence JSON / header) order follows that rule; so are
 * parsed JSON bodies.
 */
public final class JsText {

  private static final long MAX_ARRAY_INDEX = 4_294_967_294L; // 2^32 - 2

  private JsText() {}

  /** True for the characters a JavaScript regular expression {@code \s} matches. */
  static boolean isWhitespace(char c) {
    if (c <= 0x20) {
      return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }
    if (c < 0xA0) {
      return false;
    }
    return c == 0xA0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000
        || c == 0xFEFF;
  }

  /** Whether {@code key} is a canonical JS array index (0 .. 2^32-2 without leading zeros). */
  public static boolean isArrayIndex(String key) {
    int n = key.length();
    if (n == 0 || n > 10) {
      return false;
    }
    char first = key.charAt(0);
    if (first == '0') {
      return n == 1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return value <= MAX_ARRAY_INDEX;
  }

  /**
   * Returns the map re-ordered the way a JS object would enumerate it: array-index keys first,
   * ascending, then the rest in insertion order. The input is returned untouched when it has no
   * array-index key (the common case), so callers pay nothing for the rule.
   */
  public static <V> Map<String, V> inJsPropertyOrder(LinkedHashMap<String, V> map) {
    List<String> indexKeys = null;
    for (String key : map.keySet()) {
      if (isArrayIndex(key)) {
        if (indexKeys == null) {
          indexKeys = new ArrayList<>();
        }
        indexKeys.add(key);
      }
    }
    if (indexKeys == null) {
      return map;
    }
    indexKeys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    LinkedHashMap<String, V> ordered = new LinkedHashMap<>(Math.max(16, map.size() * 2));
    for (String key : indexKeys) {
      ordered.put(key, map.get(key));
    }
    for (Map.Entry<String, V> e : map.entrySet()) {
      if (!ordered.containsKey(e.getKey())) {
        ordered.put(e.getKey(), e.getValue());
      }
    }
    return ordered;
  }
}
