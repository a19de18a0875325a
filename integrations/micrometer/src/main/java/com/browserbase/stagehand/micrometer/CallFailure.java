package com.browserbase.stagehand.micrometer;

/**
 * The error of a failed call's observation: the events carry the exception's type, never the exception, so this
 * stands for it, with the type's name as its message and no stack trace (it would be the listener thread's).
 */
final class CallFailure extends RuntimeException {
  CallFailure(Class<? extends Throwable> type) {
    super(type.getName(), null, false, false);
  }
}
