package com.stonegate.outbox.queue;

/** Thrown by a handler when trying again cannot help: the event goes straight to dead. */
public class PermanentFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PermanentFailure(String message) {
    super(message);
  }

  public PermanentFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
