package com.browserbase.stagehand.playwright;

import com.microsoft.playwright.ElementHandle;
import com.microsoft.playwright.Frame;

/**
 * The selector the Stagehand server scopes {@code observe} and {@code extract} to an iframe with: {@code
 * xpath=} and the XPath of the iframe's element, from the tab's document down (for an iframe in an
 * iframe, the XPaths of both elements one after the other, as the server's own selectors cross frames).
 */
final class FrameXPaths {
  /** The absolute XPath of an element in its document: each step its tag and its index among same-tag siblings. */
  private static final String XPATH_OF = "e => { const steps = [];"
      + " for (let n = e; n && n.nodeType === 1; n = n.parentElement) {"
      + "   let i = 1;"
      + "   for (let s = n.previousElementSibling; s; s = s.previousElementSibling) { if (s.localName === n.localName) i++; }"
      + "   steps.unshift(n.localName + '[' + i + ']');"
      + " }"
      + " return '/' + steps.join('/'); }";

  private FrameXPaths() {}

  /** The selector of {@code frame}, an iframe (not a main frame). */
  static String of(Frame frame) {
    StringBuilder xpath = new StringBuilder();
    for (Frame f = frame; f.parentFrame() != null; f = f.parentFrame()) {
      ElementHandle element = f.frameElement();
      try {
        xpath.insert(0, (String) element.evaluate(XPATH_OF));
      } finally {
        element.dispose();
      }
    }
    return "xpath=" + xpath;
  }
}
