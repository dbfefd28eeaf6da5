package com.stonegate.outbox.http;

/** The server cannot listen on its address; the message says which and what to change. */
public final class ListenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ListenException(String message, Throwable cause) {
    super(message, cause);
  }
}
