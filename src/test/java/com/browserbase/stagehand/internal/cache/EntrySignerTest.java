package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link EntrySigner}: the signed format, and every way a text can fail to carry a valid signature. */
class EntrySignerTest {
  private static final String KEY = "20871bc1f18234e84003ec6fbafece2b070879738c9151361c92d87606802310";
  private static final String ENTRY = "{\n  \"version\": 1,\n  \"instruction\": \"click\",\n  \"actions\": []\n}";
  private static final EntrySigner SIGNER = new EntrySigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  @Test
  void aSignedEntryIsTheEntryWithASignaturePropertyLastAndVerifiesToTheEntry() throws Exception {
    String signed = SIGNER.sign(KEY, ENTRY);

    assertThat(signed).isEqualTo(ENTRY.substring(0, ENTRY.length() - 2)
        + ",\n  \"signature\": \"hmac-sha256:" + signed.substring(signed.length() - 67, signed.length() - 3) + "\"\n}");
    assertThat(SIGNER.verify(KEY, signed)).isEqualTo(ENTRY);
    assertThat(SIGNER.sign(KEY, ENTRY)).as("deterministic").isEqualTo(signed);
    assertThat(SIGNER.toString()).isEqualTo("EntrySigner{HmacSHA256}");
  }

  @Test
  void theSignatureIsHmacSha256OfTheKeyANewlineAndTheEntry() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    StringBuilder hex = new StringBuilder();
    for (byte b : mac.doFinal((KEY + "\n" + ENTRY).getBytes(StandardCharsets.UTF_8))) {
      hex.append(String.format("%02x", b));
    }

    assertThat(SIGNER.sign(KEY, ENTRY)).endsWith("\"hmac-sha256:" + hex + "\"\n}");
  }

  @Test
  void textsWithoutAWellFormedSignatureAreNotSigned() {
    String signed = SIGNER.sign(KEY, ENTRY);
    for (String text : Arrays.asList(ENTRY, "", signed.substring(0, signed.length() - 1),
        signed.replace("\"\n}", "0\"\n}"), signed.replace("\n}", "\n}\n"),
        signed.replace("\"signature\": \"hmac-sha256:", "\"signature\": \"hmac-sha512:"))) {
      assertThatThrownBy(() -> SIGNER.verify(KEY, text)).isInstanceOf(ActCacheStore.Refused.class)
          .hasMessage("it is not signed, and this cache replays only entries signed with its key");
    }
  }

  @Test
  void anAlteredEntryOrSignatureOrAnotherKeyDoesNotMatch() {
    String signed = SIGNER.sign(KEY, ENTRY);
    String digits = signed.substring(signed.length() - 67, signed.length() - 3);
    EntrySigner other = new EntrySigner(new byte[32]);
    for (String[] keyAndText : new String[][] {
        {KEY, signed.replace("click", "clack")},
        {KEY, signed.replace(digits, digits.toUpperCase())}, // not the hexadecimal the signer writes
        {KEY, signed.replace(digits, "zz" + digits.substring(2))},
        {KEY, signed.replace(digits, new StringBuilder(digits).reverse().toString())},
        {KEY.replace('2', '3'), signed},
        {KEY, other.sign(KEY, ENTRY)}}) {
      assertThatThrownBy(() -> SIGNER.verify(keyAndText[0], keyAndText[1])).isInstanceOf(ActCacheStore.Refused.class)
          .hasMessage("its signature does not match: the entry was altered, or signed with another key");
    }
  }

  @Test
  void onlyEntriesAsTheCacheWritesThemAreSignedAndKeysAreAtLeast32Bytes() {
    assertThatThrownBy(() -> SIGNER.sign(KEY, "{}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an entry as the cache writes them");
    assertThatThrownBy(() -> new EntrySigner(new byte[31])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signingKey must be at least 32 bytes (256 bits), not 31");
  }
}
