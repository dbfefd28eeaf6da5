package com.stonegate.outbox.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SMTP, for email. Configured when {@code SMTP_HOST} and {@code SMTP_FROM} are set; otherwise email
 * is logged as "email unsent" and the event still completes.
 *
 * @param host {@code SMTP_HOST}
 * @param port {@code SMTP_PORT}: 465 means implicit TLS; any other port upgrades with STARTTLS when
 *     the server offers it. Defaults to 587.
 * @param user {@code SMTP_USER}: AUTH only when set (a local relay needs none)
 * @param password {@code SMTP_PASS}
 * @param from {@code SMTP_FROM}: the sender, e.g. {@code Stonegate <hello@example.com>}
 * @param maxPerSecond {@code SMTP_MAX_PER_SECOND}: messages started per second. Defaults to 5.
 * @param timeout {@code SMTP_TIMEOUT_MS}: connect, read and write timeout. Defaults to 15 s.
 */
public record SmtpConfig(
    Optional<String> host,
    int port,
    Optional<String> user,
    Optional<String> password,
    Optional<String> from,
    int maxPerSecond,
    Duration timeout) {

  public static SmtpConfig from(Env env) {
    return new SmtpConfig(
        env.string("SMTP_HOST"),
        env.integer("SMTP_PORT", 587, 1, 65535),
        env.string("SMTP_USER"),
        env.string("SMTP_PASS"),
        env.string("SMTP_FROM"),
        env.integer("SMTP_MAX_PER_SECOND", 5, 1, 1000),
        env.millis("SMTP_TIMEOUT_MS", 15_000, 100, 300_000));
  }

  public boolean configured() {
    return missing().isEmpty();
  }

  /** The variables still needed for email, for the "email unsent" log line. */
  public List<String> missing() {
    List<String> missing = new ArrayList<>();
    host.ifPresentOrElse(v -> {}, () -> missing.add("SMTP_HOST"));
    from.ifPresentOrElse(v -> {}, () -> missing.add("SMTP_FROM"));
    return missing;
  }

  @Override
  public String toString() {
    return "SmtpConfig[host=" + host + ", port=" + port + ", user=" + user + "]";
  }
}
