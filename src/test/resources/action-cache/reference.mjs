// The TypeScript library's act-cache key and URL normalisation (packages/core/lib/v3/cache), written
// out again in a few lines of Node.js so that the Java implementation can be checked against the real
// algorithm. Prints one JSON line per case: the normalised URL and the key.
//
//   node src/test/resources/action-cache/reference.mjs
//
// ActionCacheKeysTest pins the output; rerun this script when a case is added there.
import { createHash } from "node:crypto";

function normalizeUrl(raw) {
  if (!raw) return raw;
  try {
    const url = new URL(raw);
    url.searchParams.sort();
    return url.toString();
  } catch {
    return raw;
  }
}

function key(instruction, pageUrl, variableNames) {
  const payload = JSON.stringify({
    instruction: instruction.trim(),
    url: normalizeUrl(pageUrl),
    variableKeys: [...variableNames].sort(),
  });
  return createHash("sha256").update(payload).digest("hex");
}

const urls = [
  "https://example.com/path?b=2&a=1",
  "https://example.com/path?a=1&b=2",
  "http://Example.COM:80/a b?q=x y&z=%20#frag ment",
  "https://example.com",
  "https://example.com:443/",
  "http://127.0.0.1:8080/form?x=1#top",
  "about:blank",
  "",
  "https://bücher.example/straße?ö=ü&a=b",
  "https://example.com/?",
  "https://example.com/?&&",
  "https://example.com/?a=1&a=0&b",
  "https://example.com/a/../b/./c?z&y=%zz+1#",
  "data:text/html,<h1>Hi</h1>?b=1&a=2",
  "not a url",
  "https://example.com/p?q=%E2%82%AC&r=%C3%28&s=%E2%82",
  "https://user:pa ss@example.com/",
  "http://[::1]:3000/x",
  "chrome://newtab/",
  "https://example.com/?emoji=\u{1F600}&A=1&a=2&_=3&~=4",
  "HTTPS://EXAMPLE.COM/Path?B=1",
  "https://example.com/a%2fb/%2e%2E/c/.",
  "https://example.com/{x}|^`?k=a'b\"c<d>*-._!~()",
  "http://example.com:0080/",
  "ws://127.0.0.1:9222/devtools/browser/abc?token=1",
  "https://example.com/#",
  "https://example.com/path?only",
  "https://example.com/path?=",
  "  https://example.com/\tx?b=1&a=2\n",
  "https://example.com/?q=a+b%2Bc",
];
for (const url of urls) {
  console.log(JSON.stringify({ url, normalized: normalizeUrl(url), key: key("click the button", url, []) }));
}

const instructions = [
  ["click the login button", []],
  ["  click the login button \n", []],
  ["\u00a0click\u0001 \ufeff", []],
  ["type %email% into the e-mail field", ["email"]],
  ["fill %b% and %a%", ["b", "a", "B", "\u00e4", "a1", "A"]],
  ["a\u0001b\tc\u001f\u007f\u2028 \"quote\" \\ back/slash \u0008\u000c", []],
  ["klicke auf \u201eAnmelden\u201c \u{1F600}", []],
  ["lone \ud800 surrogate \udc00 end", []],
  ["", []],
];
for (const [instruction, names] of instructions) {
  console.log(JSON.stringify({ instruction, variableKeys: names, key: key(instruction, "https://example.com/form", names) }));
}

// An entry as the TypeScript library writes it: JSON.stringify(entry, null, 2).
const entry = {
  version: 1,
  instruction: "type %email% into the \"E-mail\" field\u0001",
  url: "https://example.com/login?b=2&a=1",
  variableKeys: ["email"],
  actions: [
    { selector: "xpath=/html/body/form/input[1]", description: "the E-mail field \u00e9", method: "fill", arguments: ["%email%"] },
    { selector: "xpath=/html/body/form/button", description: "Submit", method: "click", arguments: [] },
  ],
  actionDescription: "the E-mail field",
  message: "Action [fill] performed successfully on selector: xpath=/html/body/form/input[1]",
};
console.log(JSON.stringify({ file: JSON.stringify(entry, null, 2) }));

// ActionCacheTest's page and entry: the key of its instructions, and the file the TypeScript library
// writes for the act its fake server answers.
const page = "https://example.com/login?b=2&a=1";
console.log(JSON.stringify({ test: "click", key: key("click the login button", page, []) }));
console.log(JSON.stringify({ test: "type", key: key("type %email% into the e-mail field", page, ["email"]) }));
// A page URL with a token: the key is made of the URL as it is (the entry stores it masked).
console.log(JSON.stringify({ test: "token", key: key("click the login button", "https://bank.example/account?token=tk-LIVE-SECRET-42&b=2", []) }));
console.log(JSON.stringify({
  test: "file",
  file: JSON.stringify({
    version: 1,
    instruction: "click the login button",
    url: page,
    variableKeys: [],
    actions: [{ selector: "xpath=/html/body/form/button", description: "Login button", method: "click", arguments: [] }],
    actionDescription: "Login button",
    message: "Action [click] performed successfully on selector: xpath=/html/body/form/button",
  }, null, 2),
}));
