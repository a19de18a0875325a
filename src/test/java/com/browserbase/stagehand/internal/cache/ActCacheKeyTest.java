package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.runtime.Json;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The act cache's key and URL normalisation against the TypeScript library's algorithm. The
 * expected values were produced by {@code node src/test/resources/action-cache/reference.mjs}
 * (Node.js 20: {@code new URL}, {@code searchParams.sort()}, {@code JSON.stringify}, SHA-256 of
 * {@code node:crypto}); rerun it when a case is added.
 */
class ActCacheKeyTest {
  /** Page URL, as {@code new URL(url); url.searchParams.sort(); url.toString()} gives it, key of "click the button". */
  private static final String[][] URLS = {
      {"https://example.com/path?b=2&a=1", "https://example.com/path?a=1&b=2", "0f8f829887bb0eb318bf4e82f4091198782fdce8b7f948426df7f89fabd45e52"},
      {"https://example.com/path?a=1&b=2", "https://example.com/path?a=1&b=2", "0f8f829887bb0eb318bf4e82f4091198782fdce8b7f948426df7f89fabd45e52"},
      {"http://Example.COM:80/a b?q=x y&z=%20#frag ment", "http://example.com/a%20b?q=x+y&z=+#frag%20ment", "053417af17c6a52087a27776526ca3aa692c329d58d86ad99f61f397bb41fbec"},
      {"https://example.com", "https://example.com/", "913cde6f05e1c525ac193f8e254fd2e7c1cf45ccecebcfb1eacaa5db814e1b37"},
      {"https://example.com:443/", "https://example.com/", "913cde6f05e1c525ac193f8e254fd2e7c1cf45ccecebcfb1eacaa5db814e1b37"},
      {"http://127.0.0.1:8080/form?x=1#top", "http://127.0.0.1:8080/form?x=1#top", "87e5d6814ac3044ae8fb2389e6ee52dacd87b63b5716e12c7e0f875497bd2f33"},
      {"about:blank", "about:blank", "f39eefdeea60b6510bb2ecc3fa2e04524f4d3096f8ccccf40ab3d465e37ca239"},
      {"", "", "2e34ed0c252aa9c5fd832baf3e1520b8e640ef465aa4366dc462be305e0ee707"},
      {"https://b\u00fccher.example/stra\u00dfe?\u00f6=\u00fc&a=b", "https://xn--bcher-kva.example/stra%C3%9Fe?a=b&%C3%B6=%C3%BC", "eacd77e1a1e9a27046decbd76a2c98d29b431d31c8483e771d654a45248d76e7"},
      {"https://example.com/?", "https://example.com/", "913cde6f05e1c525ac193f8e254fd2e7c1cf45ccecebcfb1eacaa5db814e1b37"},
      {"https://example.com/?&&", "https://example.com/", "913cde6f05e1c525ac193f8e254fd2e7c1cf45ccecebcfb1eacaa5db814e1b37"},
      {"https://example.com/?a=1&a=0&b", "https://example.com/?a=1&a=0&b=", "fe23bd75dca1904ba1d51a3e619eb2760d4dff67c736dddb2ab186eb5e5fd4de"},
      {"https://example.com/a/../b/./c?z&y=%zz+1#", "https://example.com/b/c?y=%25zz+1&z=#", "d19b64cc8b3512d2269dc8647d6d6ded745acfb5f569c98dc7cbaf62b9f743cc"},
      {"data:text/html,<h1>Hi</h1>?b=1&a=2", "data:text/html,<h1>Hi</h1>?a=2&b=1", "6c58068ba434e13d9dda50073c3df43789a0fccbfbffabfcd2de069a4142e8a1"},
      {"not a url", "not a url", "47ace209ece22c0d8a7bf179d762828a1352a4885f4cebe470a13637314a97c0"},
      {"https://example.com/p?q=%E2%82%AC&r=%C3%28&s=%E2%82", "https://example.com/p?q=%E2%82%AC&r=%EF%BF%BD%28&s=%EF%BF%BD", "94fe3b147e822e88c0afa43a5fcece8c4b36460c4a35146f0e9c024b84166e96"},
      {"https://user:pa ss@example.com/", "https://user:pa%20ss@example.com/", "b5635d8c2bf8d19a14a52d3d273373722135c33af3d19c1323c9185c4d115d32"},
      {"http://[::1]:3000/x", "http://[::1]:3000/x", "3ab101b1434c6c5e8ccc78387008407768314c42885db3277e16fdce3a201ee1"},
      {"chrome://newtab/", "chrome://newtab/", "5fc675ed5773ce2e3744aca9c637a70665e7a20c11b59f19bc076c6b3c4e487f"},
      {"https://example.com/?emoji=\ud83d\ude00&A=1&a=2&_=3&~=4", "https://example.com/?A=1&_=3&a=2&emoji=%F0%9F%98%80&%7E=4", "2d7e352257d0a8f21030c419226ecd83b3dd4cbaa9c37902871c0b46f28f6752"},
      {"HTTPS://EXAMPLE.COM/Path?B=1", "https://example.com/Path?B=1", "9ff9b36bda75b88c38d6146478dab03de0534537323b69fd42bcfbfb971fcee3"},
      {"https://example.com/a%2fb/%2e%2E/c/.", "https://example.com/c/", "ec381901dd6656fc5514d16ab236a5939323a9e8fd1d3bda04955859c6077657"},
      {"https://example.com/{x}|^`?k=a'b\"c<d>*-._!~()", "https://example.com/%7Bx%7D|^%60?k=a%27b%22c%3Cd%3E*-._%21%7E%28%29", "8688ab8964f3158cd653054c354b8b15d4a51b48d3838ab7cd78a18b1f9e7aed"},
      {"http://example.com:0080/", "http://example.com/", "4fddeb7f41365fab95a7d4d285fddbb63d1f4bd3405d68eda8ce0e9177b63748"},
      {"ws://127.0.0.1:9222/devtools/browser/abc?token=1", "ws://127.0.0.1:9222/devtools/browser/abc?token=1", "91dad1328ba3d63e11fd304950679b65e0c6ad4445785e00d61f09a8a39127ca"},
      {"https://example.com/#", "https://example.com/#", "65d69a9923cc8a9638fe10307360e0321a36f9d016f111a8017d655fad143d58"},
      {"https://example.com/path?only", "https://example.com/path?only=", "7146afe74f89434e943aea250a9dbd793d32b13b86fb74e0e251145fa3d314e6"},
      {"https://example.com/path?=", "https://example.com/path?=", "af0fc6cc1d6037fa3fb89217c7ed01e0d93d5b5c0d26b3202bcfc03817d6301f"},
      {"  https://example.com/\tx?b=1&a=2\n", "https://example.com/x?a=2&b=1", "b3093a86e5906bc163f314fd2c29674741560790e3b497de21e71c1b50ea416f"},
      {"https://example.com/?q=a+b%2Bc", "https://example.com/?q=a+b%2Bc", "e4d3bfdc8643e88bb505e0cab1b18d2bec5b4258fd94e507ce35838a623ea761"},
  };

  /** Instruction, variable names (comma-separated), key on https://example.com/form. */
  private static final String[][] INSTRUCTIONS = {
      {"click the login button", "", "d25aaf5d57501c94018411cd45f4bf8fa874b0a6e8d814e3718ba11f4473ba8c"},
      {"  click the login button \n", "", "d25aaf5d57501c94018411cd45f4bf8fa874b0a6e8d814e3718ba11f4473ba8c"},
      {"\u00a0click\u0001 \ufeff", "", "92c91ffcda0f1535b5f0362c60d4e29bbbe1eca76c54187b6dd839b9d6b5d928"},
      {"type %email% into the e-mail field", "email", "e5da64b124c4e4502986119dbceaf2fbe2ce6a02a2ed5aa1af24dc2798d1cd08"},
      {"fill %b% and %a%", "b,a,B,\u00e4,a1,A", "5fc8d74d97d90cd9e727b758856f0402517dd3f20fe93b1d0d56c2f4e105c111"},
      {"a\u0001b\tc\u001f\u007f\u2028 \"quote\" \\ back/slash \u0008\u000c", "", "2d06b43b28f1d75f568483711a8abbf785e5fa459ab5f70431ba436460037861"},
      {"klicke auf \u201eAnmelden\u201c \ud83d\ude00", "", "8a34dcfdf9deb12780065eb59225a62a26ef77f7253eaaa4c1042edad0f1a449"},
      {"lone \ud800 surrogate \udc00 end", "", "dd919dce1c3a37b523cc80aceeb161160589a9a7b82014fb1dca74c342cbe4b9"},
      {"", "", "190341a90e2f05beb154f228ba1d8f2c4e2a9847e1a36d5b7b542b2b7229c11a"},
  };

  @Test
  void pageUrlsAreNormalisedAsTheWhatwgSerialisationWithSortedQuery() {
    for (String[] c : URLS) {
      assertThat(WhatwgUrls.normalize(c[0])).as("normalised %s", c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void keysOfPageUrlsAreTheTypeScriptLibrarysKeys() {
    for (String[] c : URLS) {
      assertThat(ActCacheKey.of("click the button", c[0], Collections.<String>emptyList())).as("key of %s", c[0]).isEqualTo(c[2]);
    }
  }

  @Test
  void keysOfInstructionsAndVariableNamesAreTheTypeScriptLibrarysKeys() {
    for (String[] c : INSTRUCTIONS) {
      List<String> names = c[1].isEmpty() ? Collections.<String>emptyList() : Arrays.asList(c[1].split(","));
      assertThat(ActCacheKey.of(c[0], "https://example.com/form", names)).as("key of %s", c[0]).isEqualTo(c[2]);
    }
  }

  @Test
  void queryOrderDoesNotChangeTheKeyButTheFragmentDoes() {
    String key = ActCacheKey.of("click", "https://shop.example/cart?b=2&a=1", Collections.<String>emptyList());
    assertThat(ActCacheKey.of("click", "https://shop.example/cart?a=1&b=2", Collections.<String>emptyList())).isEqualTo(key);
    assertThat(ActCacheKey.of("click", "https://shop.example/cart?a=1&b=2#x", Collections.<String>emptyList())).isNotEqualTo(key);
  }

  @Test
  void jsonTextIsWhatJsonStringifyWrites() {
    assertThat(JsJson.quote("a\u0001\u001f\u007f\"\\\b\f\n\r\t\u2028\udc00\ud800x\ud83d\ude00"))
        .isEqualTo("\"a\\u0001\\u001f\u007f\\\"\\\\\\b\\f\\n\\r\\t\u2028\\udc00\\ud800x\ud83d\ude00\"");
  }

  @Test
  void anEntryIsWrittenAsJsonStringifyWithTwoSpaces() {
    String file = "{\n  \"version\": 1,\n  \"instruction\": \"type %email% into the \\\"E-mail\\\" field\\u0001\",\n  \"url\": \"https://example.com/login?b=2&a=1\",\n  \"variableKeys\": [\n    \"email\"\n  ],\n  \"actions\": [\n    {\n      \"selector\": \"xpath=/html/body/form/input[1]\",\n      \"description\": \"the E-mail field \u00e9\",\n      \"method\": \"fill\",\n      \"arguments\": [\n        \"%email%\"\n      ]\n    },\n    {\n      \"selector\": \"xpath=/html/body/form/button\",\n      \"description\": \"Submit\",\n      \"method\": \"click\",\n      \"arguments\": []\n    }\n  ],\n  \"actionDescription\": \"the E-mail field\",\n  \"message\": \"Action [fill] performed successfully on selector: xpath=/html/body/form/input[1]\"\n}";
    assertThat(JsJson.pretty(Json.MAPPER.valueToTree(parse(file)))).isEqualTo(file);
  }

  private static Object parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
