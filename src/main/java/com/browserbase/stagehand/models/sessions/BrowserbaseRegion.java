package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.Checks;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Map;

/**
 * A Browserbase region a cloud session runs in. An open enumeration: {@link #of(String)} accepts
 * values this SDK version does not know.
 */
public final class BrowserbaseRegion extends OpenEnum {
  /** {@code us-west-2} */
  public static final BrowserbaseRegion US_WEST_2 = new BrowserbaseRegion("us-west-2", true);
  /** {@code us-east-1} */
  public static final BrowserbaseRegion US_EAST_1 = new BrowserbaseRegion("us-east-1", true);
  /** {@code eu-central-1} */
  public static final BrowserbaseRegion EU_CENTRAL_1 = new BrowserbaseRegion("eu-central-1", true);
  /** {@code ap-southeast-1} */
  public static final BrowserbaseRegion AP_SOUTHEAST_1 = new BrowserbaseRegion("ap-southeast-1", true);

  private static final Map<String, BrowserbaseRegion> KNOWN =
      index(US_WEST_2, US_EAST_1, EU_CENTRAL_1, AP_SOUTHEAST_1);

  private BrowserbaseRegion(String value, boolean known) {
    super(value, known);
  }

  /** The constant for {@code value}, or a new value this SDK version does not know. */
  @JsonCreator
  public static BrowserbaseRegion of(String value) {
    BrowserbaseRegion constant = KNOWN.get(Checks.notNull(value, "value"));
    return constant != null ? constant : new BrowserbaseRegion(value, false);
  }
}
