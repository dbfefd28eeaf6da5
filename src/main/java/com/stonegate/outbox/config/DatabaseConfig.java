package com.stonegate.outbox.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where the database is. {@code DATABASE_URL} accepts the API's form, {@code
 * postgres://user:pass@host:port/db?sslmode=require} (also {@code postgresql://}; user and password
 * percent-encoded; port defaults to 5432; query parameters such as {@code sslmode} are passed to
 * the driver), and the driver's own {@code jdbc:postgresql://…}. Unset means the embedded database.
 *
 * @param jdbcUrl the driver URL, without credentials when they came from a {@code postgres://} URL
 * @param user the user, or null when the JDBC URL carries it (or the server needs none)
 * @param password the password, or null
 */
public record DatabaseConfig(String jdbcUrl, String user, String password) {
  static final String ACCEPTS =
      "expected postgres://user:pass@host:port/db[?sslmode=…] or jdbc:postgresql://host:port/db";

  public DatabaseConfig {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    }
  }

  /** Reads {@code DATABASE_URL}; empty means "use the embedded database". */
  public static Optional<DatabaseConfig> from(Env env) {
    Optional<String> url = env.string("DATABASE_URL");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(url.get()));
    } catch (IllegalArgumentException e) {
      env.problem("DATABASE_URL", redact(url.get()), e.getMessage() + "; " + ACCEPTS);
      return Optional.empty();
    }
  }

  /** Parses either accepted form; the message of the exception says what is wrong. */
  public static DatabaseConfig parse(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new DatabaseConfig(url, null, null);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL");
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("unknown scheme");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("no host");
    }
    String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException("no database name");
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query;
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new DatabaseConfig(jdbc, user, password);
  }

  /** The same server and credentials, another database on it. */
  public DatabaseConfig withDatabase(String name) {
    return new DatabaseConfig(
        jdbcUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name), user, password);
  }

  /**
   * The JDBC URL with the user and password (percent-encoded) in its query: one string that is a
   * complete {@code DATABASE_URL}, e.g. for a worker process started by the bench or a test.
   */
  public String urlWithCredentials() {
    StringBuilder credentials = new StringBuilder();
    if (user != null) {
      credentials.append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8));
    }
    if (password != null) {
      credentials.append(credentials.length() == 0 ? "" : "&");
      credentials.append("password=").append(URLEncoder.encode(password, StandardCharsets.UTF_8));
    }
    return credentials.length() == 0
        ? jdbcUrl
        : jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + credentials;
  }

  @Override
  public String toString() {
    return "DatabaseConfig[" + jdbcUrl + ", user=" + user + "]";
  }

  private static String decode(String part) {
    // URLDecoder reads '+' as a space, which is wrong in the user-info part of a URL.
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The URL with any password replaced, fit for an error message or a log line. */
  static String redact(String url) {
    return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@")
        .replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
