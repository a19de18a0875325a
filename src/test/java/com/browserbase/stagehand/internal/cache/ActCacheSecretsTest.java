package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an act cache entry keeps of secrets: variable values as the server types them, page URLs' tokens. */
class ActCacheSecretsTest {
  @Test
  void variableValuesAreTheTextTheServerTypesForEveryKindOfValue() {
    ActOptions options = ActOptions.builder()
        .putVariable("text", "hunter2")
        .putVariable("long", VariableValue.of(42L))
        .putVariable("int", VariableValue.of(7))
        .putVariable("unsafe", VariableValue.of(9007199254740993L))
        .putVariable("decimal", VariableValue.of(new BigDecimal("1234.50")))
        .putVariable("plainDecimal", VariableValue.of(new BigDecimal("1E+3")))
        .putVariable("bigInteger", VariableValue.of(new BigInteger("1000000000000000000000")))
        .putVariable("double", VariableValue.of(0.5))
        .putVariable("integralDouble", VariableValue.of(3.0))
        .putVariable("huge", VariableValue.of(1e21))
        .putVariable("small", VariableValue.of(1e-7))
        .putVariable("quadrillion", VariableValue.of(1e15))
        .putVariable("float", VariableValue.of(0.1f))
        .putVariable("yes", VariableValue.of(true))
        .putVariable("no", VariableValue.of(false))
        .build();

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("text", "hunter2");
    expected.put("long", "42");
    expected.put("int", "7");
    expected.put("unsafe", "9007199254740992");
    expected.put("decimal", "1234.5");
    expected.put("plainDecimal", "1000");
    expected.put("bigInteger", "1e+21");
    expected.put("double", "0.5");
    expected.put("integralDouble", "3");
    expected.put("huge", "1e+21");
    expected.put("small", "1e-7");
    expected.put("quadrillion", "1000000000000000");
    expected.put("float", "0.10000000149011612"); // VariableValue holds a float as its double, which Jackson writes
    expected.put("yes", "true");
    expected.put("no", "false");
    assertThat(ActCache.values(options)).containsExactlyEntriesOf(expected);
  }

  @Test
  void aNumberValueTheServerReportsIsStoredAsItsPlaceholder() {
    ActOptions options = ActOptions.builder().putVariable("amount", VariableValue.of(new BigDecimal("1234.50"))).build();
    ObjectNode action = (ObjectNode) Json.MAPPER.createObjectNode().put("selector", "#amount").put("method", "fill");
    action.putArray("arguments").add("1234.5");

    ActCacheEntry entry = ActCacheEntry.of("pay %amount%", "https://shop.example/", Collections.singletonList("amount"),
        ActCache.values(options), Collections.singletonList(action), "paid 1234.5", "Action [fill] with 1234.5");

    assertThat(entry.toJson()).doesNotContain("1234.5").contains("\"%amount%\"").contains("paid %amount%");
  }

  @Test
  void theStoredUrlHasItsSecretLookingParametersMaskedWhileTheKeyIsMadeOfTheUrlAsItIs() {
    String page = "https://bank.example/account?token=tk-LIVE-SECRET-42&b=2";

    ActCacheEntry entry = ActCacheEntry.of("click the login button", page, Collections.<String>emptyList(),
        Collections.<String, String>emptyMap(), Collections.singletonList(Json.MAPPER.createObjectNode().put("selector", "#b")),
        "d", "m");

    assertThat(entry.url).isEqualTo("https://bank.example/account?token=***&b=2");
    assertThat(entry.toJson()).doesNotContain("tk-LIVE-SECRET-42");
    // reference.mjs, "token": the TypeScript library's key of the unmasked URL
    assertThat(ActCacheKey.of("click the login button", page, Collections.<String>emptyList()))
        .isEqualTo("84fcb1015c5005c7320f970e1c37fd021d4ab576b5a73b2ee1d17e3d77eb0233");
  }
}
