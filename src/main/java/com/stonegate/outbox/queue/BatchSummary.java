package com.stonegate.outbox.queue;

import java.util.List;

/**
 * The counts the original worker printed after each batch and the admin endpoint returns.
 *
 * @param errors attempts that failed in this batch (retried or dead)
 */
public record BatchSummary(int total, int processed, int skipped, int errors) {
  public static final BatchSummary EMPTY = new BatchSummary(0, 0, 0, 0);

  public static BatchSummary of(List<Outcome> outcomes) {
    int processed = 0;
    int skipped = 0;
    int errors = 0;
    for (Outcome outcome : outcomes) {
      switch (outcome.status()) {
        case PROCESSED:
          processed++;
          break;
        case SKIPPED:
          skipped++;
          break;
        default:
          errors++;
      }
    }
    return new BatchSummary(outcomes.size(), processed, skipped, errors);
  }

  /** {@code {"ok":true,"total":n,"processed":n,"skipped":n,"errors":n}}, the original's line. */
  public String toJson() {
    return String.format(
        "{\"ok\":true,\"total\":%d,\"processed\":%d,\"skipped\":%d,\"errors\":%d}",
        total, processed, skipped, errors);
  }
}
