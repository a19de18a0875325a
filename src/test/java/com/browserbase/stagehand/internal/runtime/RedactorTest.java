package com.browserbase.stagehand.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Redactor} and {@link KnownSecrets}: what is masked in logged bodies, messages and URLs, and what is not. */
class RedactorTest {
  @ParameterizedTest
  @ValueSource(strings = {"token", "access_token", "id_token", "refresh_token", "TOKEN", "api_key", "apiKey", "APIKEY",
      "key", "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token", "X-Goog-Signature", "sig", "Signature",
      "auth", "authorization", "oauth_verifier", "code", "session", "sessionid", "JSESSIONID", "password", "passwd",
      "pwd", "pass", "secret", "client_secret", "credential", "jwt", "SAMLResponse", "ticket", "private_key",
      "csrf_token", "xsrf", "cookie", "sid", "SID", "otp", "pin", "cvv", "cvc", "ssn", "api%5Fkey", "x-bb-api-key"})
  void secretLookingNamesAreRecognisedWhateverTheirCase(String name) {
    assertThat(Redactor.isSecretName(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"page", "q", "lang", "utm_source", "id", "user", "email", "b", "a", "redirect", "sort",
      "inside", "spinner", "option", "x-sdk-version", "content-type"})
  void otherNamesAreNot(String name) {
    assertThat(Redactor.isSecretName(name)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://bank.example/account?token=tk-123|https://bank.example/account?token=***",
      "https://bank.example/account?page=2&token=tk-123&lang=en|https://bank.example/account?page=2&token=***&lang=en",
      "https://s3.example/o?X-Amz-Credential=AKIA%2F2024&X-Amz-Signature=abcdef&x=1|https://s3.example/o?X-Amz-Credential=***&X-Amz-Signature=***&x=1",
      "https://app.example/cb#access_token=eyJ.x.y&state=s1|https://app.example/cb#access_token=***&state=s1",
      "https://app.example/;jsessionid=ABC123?x=1|https://app.example/;jsessionid=***",
      "https://app.example/?token=&page=2|https://app.example/?token=&page=2",
      "https://example.com/?q=shoes&page=2|https://example.com/?q=shoes&page=2",
      "https://example.com/path|https://example.com/path",
      "token=abc&x=1|token=***&x=1",
      "failed at https://x.example/?code=c0de (POST /v1/sessions/s/navigate)|failed at https://x.example/?code=*** (POST /v1/sessions/s/navigate)",
      "\"url\":\"https://x.example/?sig=abc\"|\"url\":\"https://x.example/?sig=***\"",
      "a=1 & key=2|a=1 & key=2",
      "?a=1&amp;token=abc|?a=1&amp;token=***"})
  void secretLookingParameterValuesAreMaskedInUrlsAndTexts(String text, String masked) {
    assertThat(Redactor.maskSecretParams(text)).isEqualTo(masked);
  }

  @Test
  void aTextWithoutParametersIsReturnedAsItIs() {
    String text = "nothing to see";
    assertThat(Redactor.maskSecretParams(text)).isSameAs(text);
    assertThat(Redactor.mask(text, KnownSecrets.of(Arrays.asList("hidden")))).isSameAs(text);
  }

  @Test
  void queryValuesAreTheKnownSecretsOfAUrlAsWrittenAndDecoded() {
    assertThat(Redactor.queryValues("wss://connect.example/?signingKey=a%2Bb&x=1#f", false))
        .containsExactly("a%2Bb", "a+b", "1", "1");
    assertThat(Redactor.queryValues("https://bank.example/?token=t1&page=2", true)).containsExactly("t1", "t1");
    assertThat(Redactor.queryValues("https://bank.example/", false)).isEmpty();
  }

  @Test
  void knownSecretsAreMaskedWhereverTheyOccur() {
    KnownSecrets known = KnownSecrets.of(Arrays.asList("sk-live-123", "hunter2", "1234.5", "7"));

    assertThat(known.mask("Incorrect API key provided: sk-live-123.")).isEqualTo("Incorrect API key provided: ***.");
    assertThat(known.mask("typed hunter2hunter2 and 1234.5")).isEqualTo("typed *** and ***");
    assertThat(known.mask("hunter2")).isEqualTo("***");
    assertThat(known.mask("no secret here")).isEqualTo("no secret here");
    assertThat(known.mask(null)).isNull();
  }

  @Test
  void aShortSecretIsMaskedOnlyAsAWholeText() {
    KnownSecrets known = KnownSecrets.of(Arrays.asList("7", "ab"));

    assertThat(known.mask("7")).isEqualTo("***");
    assertThat(known.mask("ab")).isEqualTo("***");
    assertThat(known.mask("page 7 of 17, about")).isEqualTo("page 7 of 17, about");
  }

  @Test
  void overlappingSecretsAreMaskedWhole() {
    KnownSecrets known = KnownSecrets.of(Arrays.asList("abc-def", "def-ghi"));

    assertThat(known.mask("x abc-def-ghi y")).isEqualTo("x *** y");
  }

  @Test
  void nullAndEmptySecretsAreLeftOut() {
    assertThat(KnownSecrets.of(Arrays.asList(null, ""))).isSameAs(KnownSecrets.NONE);
    assertThat(KnownSecrets.of(Collections.<String>emptyList())).isSameAs(KnownSecrets.NONE);
    assertThat(KnownSecrets.of(Arrays.asList("sk-1")).toString()).isEqualTo("KnownSecrets{1}").doesNotContain("sk-1");
  }

  @Test
  void aLoggedBodyMasksKnownSecretsInEveryTextAndSecretParametersInUrls() {
    KnownSecrets known = KnownSecrets.of(Arrays.asList("hunter2", "sk-live-123", "42"));
    String body = "{\"success\":true,\"data\":{\"result\":{\"message\":\"typed hunter2\",\"actions\":[{\"selector\":\"#pw\","
        + "\"arguments\":[\"hunter2\",\"42\",\"Enter\"]}],\"url\":\"https://bank.example/?token=tk-9&page=2\","
        + "\"count\":42,\"note\":\"key sk-live-123 refused\"}}}";

    assertThat(Redactor.redact(body, known)).isEqualTo("{\"success\":true,\"data\":{\"result\":{\"message\":\"typed ***\","
        + "\"actions\":[{\"selector\":\"#pw\",\"arguments\":[\"***\",\"***\",\"Enter\"]}],"
        + "\"url\":\"https://bank.example/?token=***&page=2\",\"count\":42,\"note\":\"key *** refused\"}}}");
  }

  @Test
  void theRulesByPropertyNameStillApply() {
    assertThat(Redactor.redact("{\"apiKey\":\"k\",\"variables\":{\"a\":\"v\"},\"cdpUrl\":\"wss://x/?signingKey=s\"}"))
        .isEqualTo("{\"apiKey\":\"***\",\"variables\":{\"a\":\"***\"},\"cdpUrl\":\"wss://x/?***\"}");
    assertThat(Redactor.redact("\"https://x.example/?token=t\"")).isEqualTo("\"https://x.example/?token=***\"");
    assertThat(Redactor.redact("not json")).isEqualTo("(8 characters, not JSON)");
  }
}
