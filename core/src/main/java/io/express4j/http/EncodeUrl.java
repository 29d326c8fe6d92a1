package io.express4j.http;

/**
 * URL encoding as the npm {@code encodeurl} 2.0.0 package does it, for {@code Location} headers and
 * the final handler's {@code Cannot GET <path>} message: characters that may not appear in a URL
 * are UTF-8 percent-encoded while valid {@code %XX} escapes and the reserved characters are kept,
 * so encoding an already encoded URL is harmless.
 *
 * <p>Two inherited quirks are kept on purpose: a {@code %} that does not start a valid escape is
 * encoded together with the one or two characters it swallowed, which then go through {@code
 * encodeURI} too ({@code %[} becomes {@code %25%5B}, {@code %%41} becomes {@code %25%2541}); and a
 * {@code %} followed by a single hex digit at the very end is left alone ({@code %a}).
 *
 * <p>Unpaired surrogates become U+FFFD. (Upstream does the same, except for two adjacent unpaired
 * surrogates, where its regex misses the second one and {@code encodeURI} then throws a URIError;
 * here they are simply both replaced.)
 */
public final class EncodeUrl {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private EncodeUrl() {}

  /** Encodes {@code url}; returns the same instance when nothing needs changing. */
  public static String encode(String url) {
    int n = url.length();
    int i = 0;
    while (i < n) {
      char c = url.charAt(i);
      if (c == '%' ? !validEscapeOrTolerated(url, i) : !isUrlChar(c)) {
        break;
      }
      i++;
    }
    if (i == n) {
      return url;
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(url, 0, i);
    while (i < n) {
      char c = url.charAt(i);
      if (c == '%') {
        if (validEscapeOrTolerated(url, i)) {
          out.append('%');
          i++;
        } else {
          // "%" plus what the upstream regex swallowed with it all go through encodeURI.
          int swallowed = i + 1 >= n ? 0 : (!isHex(url.charAt(i + 1)) ? 1 : 2);
          out.append("%25");
          int end = i + 1 + swallowed;
          i++;
          while (i < end) {
            i = appendEncodeUri(out, url, i, n);
          }
        }
      } else if (isUrlChar(c)) {
        out.append(c);
        i++;
      } else {
        i = appendPercentEncoded(out, url, i, n);
      }
    }
    return out.toString();
  }

  /**
   * Whether the {@code %} at {@code i} is left as is: a complete {@code %XX} escape, or a
   * {@code %} and one hex digit ending the string (which the upstream regex cannot match).
   */
  private static boolean validEscapeOrTolerated(String s, int i) {
    int n = s.length();
    if (i + 1 >= n || !isHex(s.charAt(i + 1))) {
      return false;
    }
    return i + 2 >= n || isHex(s.charAt(i + 2));
  }

  /**
   * Characters encodeurl never touches: {@code ! # $ & ' ( ) * + , - . / 0-9 : ; = ? @ A-Z [ \ ]
   * ^ _ a-z | ~} ({@code %} is judged separately).
   */
  private static boolean isUrlChar(char c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x3B)
        || c == 0x3D
        || (c >= 0x3F && c <= 0x5F)
        || (c >= 0x61 && c <= 0x7A)
        || c == 0x7C
        || c == 0x7E;
  }

  /** Characters JS {@code encodeURI} leaves alone. */
  private static boolean isEncodeUriUnescaped(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return switch (c) {
      case ';', ',', '/', '?', ':', '@', '&', '=', '+', '$', '-', '_', '.', '!', '~', '*', '\'',
          '(', ')', '#' -> true;
      default -> false;
    };
  }

  private static int appendEncodeUri(StringBuilder out, String s, int i, int n) {
    char c = s.charAt(i);
    if (c < 0x80 && isEncodeUriUnescaped(c)) {
      out.append(c);
      return i + 1;
    }
    return appendPercentEncoded(out, s, i, n);
  }

  /** Appends the UTF-8 escapes of the code point at {@code i}; returns the next index. */
  private static int appendPercentEncoded(StringBuilder out, String s, int i, int n) {
    char c = s.charAt(i);
    int cp;
    int next = i + 1;
    if (Character.isHighSurrogate(c)) {
      if (next < n && Character.isLowSurrogate(s.charAt(next))) {
        cp = Character.toCodePoint(c, s.charAt(next));
        next++;
      } else {
        cp = 0xFFFD;
      }
    } else if (Character.isLowSurrogate(c)) {
      cp = 0xFFFD;
    } else {
      cp = c;
    }
    if (cp < 0x80) {
      appendByte(out, cp);
    } else if (cp < 0x800) {
      appendByte(out, 0xC0 | (cp >> 6));
      appendByte(out, 0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      appendByte(out, 0xE0 | (cp >> 12));
      appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
      appendByte(out, 0x80 | (cp & 0x3F));
    } else {
      appendByte(out, 0xF0 | (cp >> 18));
      appendByte(out, 0x80 | ((cp >> 12) & 0x3F));
      appendByte(out, 0x80 | ((cp >> 6) & 0x3F));
      appendByte(out, 0x80 | (cp & 0x3F));
    }
    return next;
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
