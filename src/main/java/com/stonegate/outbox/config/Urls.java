package com.stonegate.outbox.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads base URLs of outside services: absolute http(s) URLs, trailing slash removed. */
final class Urls {
  static final String ACCEPTS = "expected an absolute http:// or https:// URL";

  private Urls() {}

  static URI base(Env env, String name, String defaultValue) {
    String value = env.string(name, defaultValue);
    URI uri = parse(value);
    if (uri == null) {
      env.problem(name, value, ACCEPTS);
      return parse(defaultValue);
    }
    return uri;
  }

  /** The URL without a trailing slash, or null when it is not an absolute http(s) URL. */
  static URI parse(String value) {
    try {
      URI uri = new URI(value.replaceAll("/+$", ""));
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      return http && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
