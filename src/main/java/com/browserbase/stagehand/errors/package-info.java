/**
 * The exceptions of the SDK, all unchecked and all subclasses of {@link
 * com.browserbase.stagehand.errors.StagehandException}.
 *
 * <pre>{@code
 * try {
 *   sessions.act(params);
 * } catch (NotFoundException e) {          // the session ended or never existed
 *   ...
 * } catch (StagehandServiceException e) {  // any other error status
 *   log.warn("{} {}", e.statusCode(), e.message());
 * } catch (StagehandIoException e) {       // network failure or timeout
 *   ...
 * }
 * }</pre>
 */
package com.browserbase.stagehand.errors;
