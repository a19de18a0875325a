/** An open session as the client tracks it: its registry, its end, and the requests and results of the handles' calls. Not API. */
package com.browserbase.stagehand.internal.session;
