package com.stonegate.outbox.provider.smtp;

import com.stonegate.outbox.provider.HttpCalls;
import com.stonegate.outbox.provider.ProviderException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Sorts what Jakarta Mail threw into transient and permanent failures. */
final class SmtpFailures {
  private SmtpFailures() {}

  /**
   * A 5xx reply or a malformed address is permanent; a 4xx reply, a failed AUTH (our configuration,
   * fixable without losing the mail), a timeout or no connection is transient.
   */
  static ProviderException classify(MessagingException e) {
    String message = message(e);
    if (e instanceof AddressException) {
      return ProviderException.permanent(message, e);
    }
    if (e instanceof AuthenticationFailedException) {
      return ProviderException.transientFailure(message, null, e);
    }
    for (Exception x = e; x != null; x = next(x)) {
      int code = replyCode(x);
      if (code >= 500) {
        return ProviderException.permanent(message(x), e);
      }
      if (code >= 400) {
        return ProviderException.transientFailure(message(x), null, e);
      }
    }
    return ProviderException.transientFailure(message, null, e);
  }

  private static String message(Exception x) {
    return "smtp: " + HttpCalls.abbreviate(String.valueOf(x.getMessage()));
  }

  private static int replyCode(Exception x) {
    if (x instanceof SMTPAddressFailedException) {
      return ((SMTPAddressFailedException) x).getReturnCode();
    }
    if (x instanceof SMTPSendFailedException) {
      return ((SMTPSendFailedException) x).getReturnCode();
    }
    return -1;
  }

  private static Exception next(Exception x) {
    return x instanceof MessagingException ? ((MessagingException) x).getNextException() : null;
  }
}
