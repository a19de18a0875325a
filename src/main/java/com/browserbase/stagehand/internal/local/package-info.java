/** Local mode: the Stagehand server process the client starts, its browser defaults and its output. Not API. */
package com.browserbase.stagehand.internal.local;
