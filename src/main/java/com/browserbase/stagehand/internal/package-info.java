/**
 * The SDK's implementation: transport, retries, Server-Sent Events, JSON. Not API: anything here may
 * change in any release without notice.
 */
package com.browserbase.stagehand.internal;
