package com.stonegate.outbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.seo.SeoReplies;
import com.stonegate.outbox.testing.Await;
import com.stonegate.outbox.testing.OpenAiReply;
import com.stonegate.outbox.testing.OpenAiStandIn;
import com.stonegate.outbox.testing.TestDatabase;
import com.stonegate.outbox.testing.WorkerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The autopublisher in the real jar, against the OpenAI stand-in. */
class SeoCommandsIT {
  private static final String PUBLISHED = "{\"ok\":true,\"seo\":{\"ok\":true,\"skipped\":false,";

  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  @TempDir Path workDir;
  final OpenAiStandIn openAi = OpenAiStandIn.start();

  @AfterEach
  void stop() {
    openAi.close();
  }

  @Test
  void the_polling_worker_publishes_at_start_up_on_its_own_thread() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    openAi.enqueue(OpenAiReply.text(SeoReplies.brief()).heldUntil(gate));
    Map<String, String> env = env();
    env.put("OUTBOX_POLL_INTERVAL_MS", "100");
    env.put("SEO_AUTOPUBLISH_INTERVAL_MS", "1000");

    try (WorkerProcess worker = WorkerProcess.start(workDir, env, "run")) {
      await().atMost(Duration.ofSeconds(60)).until(() -> openAi.requests().size() == 1);
      // OpenAI is still writing the brief; events are dispatched all the same.
      db.update("INSERT INTO outbox_events (type, payload) VALUES ('bench.noop', '{}')");
      Await.drained(await().atMost(Duration.ofSeconds(20)), db.sql(), worker::output);
      assertThat(db.count("SELECT count(*) FROM blog_posts")).isZero();

      gate.countDown();

      await().atMost(Duration.ofSeconds(20)).until(() -> worker.stdout().contains(PUBLISHED));
      assertThat(db.count("SELECT count(*) FROM blog_posts WHERE published_at IS NOT NULL"))
          .isEqualTo(1);
      assertThat(worker.stdout()).contains("SEO_AUTOPUBLISH_INTERVAL_MS='1000'");
      worker.terminate();
      assertThat(worker.waitFor(Duration.ofSeconds(20))).as(worker.output()).isZero();
    }
  }

  @Test
  void run_once_attempts_after_the_batch_and_prints_the_line_after_the_summary() throws Exception {
    try (WorkerProcess worker = WorkerProcess.start(workDir, env())) {
      assertThat(worker.waitFor(Duration.ofSeconds(60))).as(worker.output()).isZero();
      assertThat(worker.stdout().lines().filter(l -> l.startsWith("{\"ok\"")))
          .hasSize(2)
          .first()
          .isEqualTo("{\"ok\":true,\"total\":0,\"processed\":0,\"skipped\":0,\"errors\":0}");
      assertThat(worker.stdout().lines().filter(l -> l.startsWith(PUBLISHED))).hasSize(1);
    }
  }

  @Test
  void seo_run_reports_too_soon_and_force_publishes_anyway() throws Exception {
    db.update(
        "INSERT INTO blog_posts (slug, title, content_markdown, published_at)"
            + " VALUES ('recent', 'Recent', 'Text', now() - interval '1 hour')");

    WorkerProcess run = WorkerProcess.start(workDir, env(), "seo", "run");
    assertThat(run.waitFor(Duration.ofSeconds(60))).as(run.output()).isZero();
    assertThat(run.stdout().strip())
        .isEqualTo("{\"ok\":true,\"seo\":{\"ok\":true,\"skipped\":true,\"reason\":\"too_soon\"}}");

    WorkerProcess forced = WorkerProcess.start(workDir, env(), "seo", "run", "--force");
    assertThat(forced.waitFor(Duration.ofSeconds(60))).as(forced.output()).isZero();
    assertThat(forced.stdout().strip()).startsWith(PUBLISHED + "\"published\":true");
  }

  @Test
  void review_mode_stores_a_draft_that_seo_drafts_lists_and_seo_publish_publishes()
      throws Exception {
    Map<String, String> env = env();
    env.put("SEO_AUTOPUBLISH_MODE", "draft");

    WorkerProcess run = WorkerProcess.start(workDir, env, "seo", "run");
    assertThat(run.waitFor(Duration.ofSeconds(60))).as(run.output()).isZero();
    assertThat(run.stdout()).contains("\"published\":false");
    WorkerProcess drafts = WorkerProcess.start(workDir, env, "seo", "drafts");
    assertThat(drafts.waitFor(Duration.ofSeconds(60))).as(drafts.output()).isZero();
    assertThat(drafts.stdout()).contains("garage-cleanout-marietta", "1 drafts");

    WorkerProcess publish =
        WorkerProcess.start(workDir, env, "seo", "publish", "garage-cleanout-marietta");
    WorkerProcess unknown = WorkerProcess.start(workDir, env, "seo", "publish", "no-such-post");

    assertThat(publish.waitFor(Duration.ofSeconds(60))).as(publish.output()).isZero();
    assertThat(publish.stdout()).startsWith("published garage-cleanout-marietta at ");
    assertThat(db.count("SELECT count(*) FROM blog_posts WHERE published_at IS NOT NULL"))
        .isEqualTo(1);
    assertThat(unknown.waitFor(Duration.ofSeconds(60))).isEqualTo(1);
    assertThat(unknown.stderr()).contains("no blog post with slug no-such-post");
  }

  private Map<String, String> env() {
    openAi.fallback(SeoReplies::answer);
    Map<String, String> env = new HashMap<>();
    env.put("DATABASE_URL", db.url());
    env.put("OPENAI_API_KEY", OpenAiStandIn.API_KEY);
    env.put("OPENAI_BASE_URL", openAi.baseUrl());
    return env;
  }
}
