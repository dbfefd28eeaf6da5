package com.stonegate.outbox.config;

/**
 * Everything the event handlers talk to: the site's links and time zone, the SMS, email and
 * calendar providers, and the analytics hooks. Each part says which variables configure it.
 */
public record NotifyConfig(
    SiteConfig site,
    TwilioConfig twilio,
    SmtpConfig smtp,
    GoogleConfig google,
    WebhookConfig webhooks,
    Ga4Config ga4) {

  public static NotifyConfig from(Env env) {
    return new NotifyConfig(
        SiteConfig.from(env),
        TwilioConfig.from(env),
        SmtpConfig.from(env),
        GoogleConfig.from(env),
        WebhookConfig.from(env),
        Ga4Config.from(env));
  }
}
