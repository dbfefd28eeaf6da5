package com.stonegate.outbox.notify;

import com.stonegate.outbox.config.NotifyConfig;
import com.stonegate.outbox.config.OpenAiConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import com.stonegate.outbox.provider.ga4.Ga4MeasurementProtocol;
import com.stonegate.outbox.provider.google.GoogleCalendar;
import com.stonegate.outbox.provider.openai.OpenAiCopyGenerator;
import com.stonegate.outbox.provider.smtp.SmtpMailSender;
import com.stonegate.outbox.provider.twilio.TwilioSms;
import com.stonegate.outbox.provider.webhook.HttpWebhookSender;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The notification parts the handlers use, built once from the configuration: each provider is real
 * when its variables are set and absent (logged as unsent, or skipped) when not.
 */
public record Notifications(
    Notifier notifier,
    CalendarSync calendar,
    Pipeline pipeline,
    Forwarder forwarder,
    DeliveryLedger ledger,
    Journal journal) {

  public static Notifications create(
      NotifyConfig config,
      OpenAiConfig openAi,
      DataSource dataSource,
      Clock clock,
      ProviderCalls calls) {
    Journal journal = new Journal();
    DeliveryLedger ledger = new DeliveryLedger(dataSource);
    Courier courier = new Courier(ledger, journal);
    Senders senders =
        new Senders(
            config.twilio().configured()
                ? Optional.of(new TwilioSms(config.twilio(), calls))
                : Optional.empty(),
            "Twilio not configured (missing " + String.join(", ", config.twilio().missing()) + ")",
            config.smtp().configured()
                ? Optional.of(new SmtpMailSender(config.smtp(), calls))
                : Optional.empty(),
            "SMTP not configured (missing " + String.join(", ", config.smtp().missing()) + ")",
            config.smtp().from().orElse(null));
    Copywriter copywriter =
        new Copywriter(
            openAi.configured() ? new OpenAiCopyGenerator(openAi, calls) : null,
            config.site().zone());
    Notifier notifier = new Notifier(copywriter, senders, courier, config.site(), clock);
    CalendarSync calendar =
        new CalendarSync(
            config.google().configured()
                ? Optional.of(new GoogleCalendar(config.google(), clock, calls))
                : Optional.empty(),
            dataSource,
            journal,
            config.site().zone());
    Forwarder forwarder =
        new Forwarder(
            config.webhooks(),
            new HttpWebhookSender(config.webhooks(), clock, calls),
            config.ga4(),
            config.ga4().configured()
                ? Optional.of(new Ga4MeasurementProtocol(config.ga4(), calls))
                : Optional.empty(),
            courier);
    return new Notifications(
        notifier, calendar, new Pipeline(dataSource, journal), forwarder, ledger, journal);
  }
}
