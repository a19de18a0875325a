/** The small runtime of the generated models: the JSON mapper, checks, builders, {@code toString} and secret masking. Depends on nothing else of the SDK. Not API. */
package com.browserbase.stagehand.internal.runtime;
