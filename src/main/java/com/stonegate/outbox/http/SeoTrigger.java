package com.stonegate.outbox.http;

/**
 * Runs one SEO autopublisher attempt for {@code POST /api/admin/seo/run}. Implemented in the wiring
 * by the SEO autopublisher, so this package needs nothing of it.
 */
@FunctionalInterface
public interface SeoTrigger {
  /** Answers 503 {@code seo_unavailable}: for a process built without the autopublisher. */
  SeoTrigger UNAVAILABLE =
      force -> {
        throw new ApiError(503, "seo_unavailable");
      };

  /**
   * @param force skip the quota and spacing checks
   * @return the attempt's result, serialised by Jackson as {@code result}
   */
  Object attempt(boolean force) throws Exception;
}
