/**
 * The requests and responses of the session operations, one immutable class per schema of the
 * Stagehand v3 API. Build requests with {@code builder()}; a value read from one call (an {@link
 * com.browserbase.stagehand.models.sessions.Action} from {@code observe}) can be passed to another
 * ({@code act}) as it is.
 *
 * <pre>{@code
 * SessionActParams params = SessionActParams.builder()
 *     .id(sessionId)
 *     .input("type %email% into the e-mail field")
 *     .options(ActOptions.builder().putVariable("email", "me@example.com").build())
 *     .build();
 * }</pre>
 */
package com.browserbase.stagehand.models.sessions;
