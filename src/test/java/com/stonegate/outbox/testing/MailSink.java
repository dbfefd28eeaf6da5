package com.stonegate.outbox.testing;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GreenMail SMTP server on a fixed loopback port that can be stopped (an outage: connections
 * refused) and started again on the same port, counting what it received across restarts.
 */
public final class MailSink implements AutoCloseable {
  private final int port;
  private final Map<String, Integer> before = new HashMap<>();
  private GreenMail server;

  private MailSink(int port) {
    this.port = port;
  }

  /** Starts on a free port. */
  public static MailSink start() {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MailSink sink = new MailSink(port);
    sink.up();
    return sink;
  }

  /** The variables that point a worker here. */
  public Map<String, String> variables() {
    return Map.of(
        "SMTP_HOST", "127.0.0.1",
        "SMTP_PORT", String.valueOf(port),
        "SMTP_FROM", "Stonegate Junk Removal <hello@stonegate.example>",
        "SMTP_MAX_PER_SECOND", "1000");
  }

  /** Listens again on the same port. */
  public synchronized void up() {
    if (server == null) {
      ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      setup.setServerStartupTimeout(30_000);
      server = new GreenMail(setup);
      server.start();
    }
  }

  /** Stops listening; what was received so far is kept in the counts. */
  public synchronized void down() {
    if (server != null) {
      var managers = server.getManagers();
      server.stop();
      count(managers.getImapHostManager().getAllMessages(), before);
      server = null;
    }
  }

  /** Messages received per recipient address (lower case), across restarts. */
  public synchronized Map<String, Integer> perRecipient() {
    Map<String, Integer> counts = new HashMap<>(before);
    if (server != null) {
      count(server.getManagers().getImapHostManager().getAllMessages(), counts);
    }
    return counts;
  }

  public int received() {
    return perRecipient().values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  private static void count(List<StoredMessage> messages, Map<String, Integer> into) {
    for (StoredMessage message : messages) {
      try {
        for (Address to : message.getMimeMessage().getRecipients(Message.RecipientType.TO)) {
          into.merge(to.toString().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
