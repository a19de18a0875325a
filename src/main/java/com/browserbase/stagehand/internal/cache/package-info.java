/** The action cache's machinery: keys and entries in the TypeScript library's format, stores, the page URL read over CDP. Not API. */
package com.browserbase.stagehand.internal.cache;
