package com.stonegate.outbox.seo;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;

/**
 * What one attempt of the autopublisher did, in the original worker's JSON shape (null fields are
 * left out):
 *
 * <ul>
 *   <li>skipped: {@code {"ok":true,"skipped":true,"reason":"quota_met"}}, reason one of {@code
 *       disabled}, {@code openai_not_configured}, {@code locked}, {@code quota_met}, {@code
 *       too_soon};
 *   <li>failed: {@code {"ok":false,"error":"post_generation_failed","detail":"…"}}, error one of
 *       {@code brief_generation_failed}, {@code post_generation_failed}, {@code database_error};
 *   <li>saved: {@code {"ok":true,"skipped":false,"published":true,"postId":"…","slug":"…",
 *       "title":"…"}}; {@code "published":false} when stored as a draft for review.
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "ok",
  "skipped",
  "published",
  "reason",
  "error",
  "detail",
  "postId",
  "slug",
  "title"
})
public record SeoResult(
    boolean ok,
    Boolean skipped,
    Boolean published,
    String reason,
    String error,
    String detail,
    UUID postId,
    String slug,
    String title) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static SeoResult skipped(String reason) {
    return new SeoResult(true, true, null, reason, null, null, null, null, null);
  }

  public static SeoResult failed(String error, String detail) {
    return new SeoResult(false, null, null, null, error, detail, null, null, null);
  }

  public static SeoResult saved(boolean published, UUID postId, String slug, String title) {
    return new SeoResult(true, false, published, null, null, null, postId, slug, title);
  }

  /**
   * One word for logs and metrics: the skip reason, the error, {@code published} or {@code
   * drafted}.
   */
  @JsonIgnore
  public String outcome() {
    if (reason != null) {
      return reason;
    }
    if (error != null) {
      return error;
    }
    return Boolean.TRUE.equals(published) ? "published" : "drafted";
  }

  /** The line the worker and {@code seo run} print: {@code {"ok":true,"seo":{…}}}. */
  public String toJsonLine() {
    try {
      return "{\"ok\":true,\"seo\":" + JSON.writeValueAsString(this) + "}";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record of strings cannot fail to serialise", e);
    }
  }
}
