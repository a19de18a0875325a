package com.browserbase.stagehand.internal.cache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs act cache entries with HMAC-SHA256 and checks them, so that a cache replays only entries written by a holder of
 * its key. A signed entry is the unsigned one (the TypeScript library's format, byte for byte) with one more property
 * last, {@code "signature": "hmac-sha256:<64 hex digits>"}: the HMAC of the entry's cache key, a newline, and the
 * unsigned entry's UTF-8 bytes. Binding the key means that an entry signed for one instruction and page cannot be
 * moved under the key of another. The key is held by {@link SecretKeySpec} only, and never shown. Thread-safe. Not
 * API.
 */
final class EntrySigner {
  /** The shortest key accepted: 256 bits, the size of the HMAC-SHA256 output. */
  static final int MIN_KEY_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  /** What comes between the unsigned entry's last property and the signature's hexadecimal digits. */
  static final String SIGNATURE_START = ",\n  \"signature\": \"hmac-sha256:";
  private static final String SIGNATURE_END = "\"\n}";
  private static final int MAC_BYTES = 32;
  private static final String DIGITS = "0123456789abcdef";

  private final SecretKeySpec key;

  /** Throws {@link IllegalArgumentException} naming {@code signingKey} (never showing it) when it is too short. */
  EntrySigner(byte[] signingKey) {
    if (signingKey.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("signingKey must be at least " + MIN_KEY_BYTES + " bytes (256 bits), not "
          + signingKey.length);
    }
    this.key = new SecretKeySpec(signingKey, ALGORITHM); // a copy
  }

  /** {@code entry}, as {@link ActCacheEntry#toJson} writes it (ending in a newline and a brace), signed for {@code cacheKey}. */
  String sign(String cacheKey, String entry) {
    if (!entry.endsWith("\n}")) {
      throw new IllegalArgumentException("not an entry as the cache writes them");
    }
    return entry.substring(0, entry.length() - 2) + SIGNATURE_START + hex(mac(cacheKey, entry)) + SIGNATURE_END;
  }

  /**
   * The unsigned entry within {@code text}, when {@code text} carries a valid signature for {@code cacheKey}; else
   * {@link ActCacheStore.Refused} saying why, without the content.
   */
  String verify(String cacheKey, String text) throws ActCacheStore.Refused {
    int start = text.lastIndexOf(SIGNATURE_START);
    int digits = start + SIGNATURE_START.length();
    if (start < 0 || !text.endsWith(SIGNATURE_END) || text.length() != digits + 2 * MAC_BYTES + SIGNATURE_END.length()) {
      throw new ActCacheStore.Refused("it is not signed, and this cache replays only entries signed with its key");
    }
    String unsigned = text.substring(0, start) + "\n}";
    byte[] given = unhex(text.substring(digits, digits + 2 * MAC_BYTES));
    if (given == null || !MessageDigest.isEqual(given, mac(cacheKey, unsigned))) {
      throw new ActCacheStore.Refused("its signature does not match: the entry was altered, or signed with another key");
    }
    return unsigned;
  }

  private byte[] mac(String cacheKey, String entry) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // cheap, and not thread-safe: one per use
      mac.init(key);
      mac.update(cacheKey.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '\n');
      return mac.doFinal(entry.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e); // every JVM must have it
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(DIGITS.charAt(b >> 4 & 0xf)).append(DIGITS.charAt(b & 0xf));
    }
    return out.toString();
  }

  /** The bytes of lower-case hexadecimal {@code text}, or {@code null} when it is not that. */
  private static byte[] unhex(String text) {
    byte[] bytes = new byte[text.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = DIGITS.indexOf(text.charAt(2 * i));
      int low = DIGITS.indexOf(text.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        return null;
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "EntrySigner{HmacSHA256}";
  }
}
