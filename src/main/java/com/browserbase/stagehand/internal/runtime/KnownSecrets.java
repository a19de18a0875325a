package com.browserbase.stagehand.internal.runtime;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Secret values the client knows (its API keys, a call's variable values and other request secrets), masked as
 * {@code ***} wherever they show up in a text the SDK logs or puts in an exception message: a server's error echoing a
 * key, a performed action's arguments, a parse error quoting a value. Immutable and thread-safe. Not API.
 *
 * <p>A text equal to a secret is masked whatever the secret's length; a secret inside a longer text only when it has
 * {@value #MIN_INSIDE} characters or more: shorter ones ({@code "1"}, {@code "ok"}) would mask pieces of every word
 * and number while hiding nothing a guess would not find.
 */
public final class KnownSecrets {
  /** The shortest secret looked for inside longer texts. */
  public static final int MIN_INSIDE = 3;
  /** No secret. */
  public static final KnownSecrets NONE = new KnownSecrets(Collections.<String>emptySet());

  private final Set<String> exact;
  /** The secrets looked for inside texts. */
  private final String[] inside;

  private KnownSecrets(Set<String> secrets) {
    this.exact = secrets;
    this.inside = secrets.stream().filter(secret -> secret.length() >= MIN_INSIDE).toArray(String[]::new);
  }

  /** The given secrets; {@code null} and empty ones are left out. */
  public static KnownSecrets of(Collection<String> secrets) {
    Set<String> set = secrets.stream().filter(secret -> secret != null && !secret.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return set.isEmpty() ? NONE : new KnownSecrets(Collections.unmodifiableSet(set));
  }

  /**
   * {@code text} with every known secret in it replaced by {@code ***} (overlapping or adjacent ones
   * by one {@code ***}); {@code text} itself when none occurs, or when it is {@code null}.
   */
  public String mask(String text) {
    if (text == null || text.isEmpty() || exact.isEmpty()) {
      return text;
    }
    if (exact.contains(text)) {
      return ToString.REDACTED;
    }
    boolean[] hidden = null;
    for (String secret : inside) {
      for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
        if (hidden == null) {
          hidden = new boolean[text.length()];
        }
        Arrays.fill(hidden, at, at + secret.length(), true);
      }
    }
    if (hidden == null) {
      return text;
    }
    StringBuilder masked = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!hidden[i]) {
        masked.append(text.charAt(i));
      } else if (i == 0 || !hidden[i - 1]) {
        masked.append(ToString.REDACTED);
      }
    }
    return masked.toString();
  }

  /** Says how many secrets there are, never what they are. */
  @Override
  public String toString() {
    return "KnownSecrets{" + exact.size() + "}";
  }
}
