package com.stonegate.outbox.provider.openai;

import com.stonegate.outbox.provider.ProviderException;

/** Asks a language model for the copy of one notification. */
public interface CopyGenerator {
  /**
   * Returns the model's email subject, email body and SMS body for {@code facts}, written as {@code
   * instructions} say. Parts the model left out are null; the caller checks limits.
   *
   * @throws ProviderException when the model could not be reached or answered nothing usable
   */
  GeneratedCopy generate(String instructions, String facts) throws ProviderException;
}
