/**
 * The services of the SDK: {@link com.browserbase.stagehand.services.SessionService}, one method per
 * REST operation, reached through {@code client.sessions()}.
 */
package com.browserbase.stagehand.services;
