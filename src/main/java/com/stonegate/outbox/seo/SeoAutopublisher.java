package com.stonegate.outbox.seo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stonegate.outbox.config.OpenAiConfig;
import com.stonegate.outbox.config.SeoConfig;
import com.stonegate.outbox.provider.ProviderCalls;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to write a blog post, in the spec's seven steps: disabled or OpenAI not configured;
 * the advisory lock; the quota (fewer than 2 posts in 7 days) and spacing (3 days since the last)
 * unless forced; the next topic; the brief; the post, checked by the guards, two tries; the insert
 * with a unique slug, the cursor advanced, the lock released.
 *
 * <p>Safe to call from several threads and workers at once: the advisory lock lets one through and
 * the others report {@code locked}. The lock is taken and released on one connection, in
 * auto-commit mode, so no transaction stays open while OpenAI writes; only the final insert is a
 * (short) transaction. OpenAI and guard problems never throw: they are {@link SeoResult} values.
 */
public final class SeoAutopublisher implements AutoCloseable {
  static final Duration QUOTA_WINDOW = Duration.ofDays(7);
  static final int QUOTA = 2;
  static final Duration SPACING = Duration.ofDays(3);
  static final Duration ROTATION_WINDOW = Duration.ofDays(90);

  private static final Logger log = LoggerFactory.getLogger(SeoAutopublisher.class);

  private final DataSource dataSource;
  private final SeoConfig config;
  private final OpenAiConfig openAi;
  private final Clock clock;
  private final Optional<BlogWriter> writer;
  private final Drafting drafting;
  private final Topics topics = Topics.builtIn();
  private final PostStore posts;
  private final AgentState state;

  /**
   * @param calls told of each OpenAI call, for metrics
   */
  public SeoAutopublisher(
      DataSource dataSource,
      OpenAiConfig openAi,
      SeoConfig config,
      Clock clock,
      ProviderCalls calls) {
    this.dataSource = dataSource;
    this.config = config;
    this.openAi = openAi;
    this.clock = clock;
    this.writer =
        openAi.configured()
            ? Optional.of(new BlogWriter(withTimeout(openAi, config.openAiTimeout()), calls))
            : Optional.empty();
    this.drafting = new Drafting(ContentGuard.builtIn());
    this.posts = new PostStore(config.mode() == SeoConfig.Mode.DRAFT);
    this.state = new AgentState(dataSource, new ObjectMapper());
  }

  /** {@link #attempt(boolean, String)} on behalf of an unnamed caller. */
  public SeoResult attempt(boolean force) {
    return attempt(force, "unknown");
  }

  /**
   * Runs one attempt and records its result in {@code seo_agent_state}.
   *
   * @param force skip the quota and spacing checks (an operator asked for a post now)
   * @param invokedBy who asked: {@code worker}, {@code cli}, {@code admin}
   */
  public SeoResult attempt(boolean force, String invokedBy) {
    Instant started = clock.instant();
    SeoResult result = run(force);
    state.recordAttempt(
        new AgentState.Attempt(
            started, invokedBy, config.disabled(), openAi.configured(), openAi.model()),
        result);
    if (!result.ok()) {
      log.warn("SEO attempt failed: {} ({})", result.error(), result.detail());
    } else if (Boolean.FALSE.equals(result.skipped())) {
      log.info("SEO attempt {}: {} \"{}\"", result.outcome(), result.slug(), result.title());
    }
    return result;
  }

  @Override
  public void close() {
    writer.ifPresent(BlogWriter::close);
  }

  /** OpenAI as configured, with the autopublisher's own, longer timeout. */
  private static OpenAiConfig withTimeout(OpenAiConfig openAi, Duration timeout) {
    return new OpenAiConfig(
        openAi.apiKey(), openAi.baseUrl(), openAi.model(), timeout, openAi.maxConcurrency());
  }

  private SeoResult run(boolean force) {
    if (config.disabled()) {
      return SeoResult.skipped("disabled");
    }
    if (writer.isEmpty()) {
      return SeoResult.skipped("openai_not_configured");
    }
    try (Connection c = dataSource.getConnection()) {
      if (!AdvisoryLock.tryTake(c)) {
        return SeoResult.skipped("locked");
      }
      try {
        return underLock(c, force);
      } finally {
        AdvisoryLock.release(c);
      }
    } catch (SQLException e) {
      return SeoResult.failed("database_error", e.getMessage());
    }
  }

  private SeoResult underLock(Connection c, boolean force) throws SQLException {
    Instant now = clock.instant();
    if (!force) {
      if (posts.countSince(c, now.minus(QUOTA_WINDOW)) >= QUOTA) {
        return SeoResult.skipped("quota_met");
      }
      Optional<Instant> last = posts.latest(c, now);
      if (last.isPresent() && last.get().isAfter(now.minus(SPACING))) {
        return SeoResult.skipped("too_soon");
      }
    }
    Topics.Pick pick =
        topics.next(state.cursor(c), posts.topicsSince(c, now.minus(ROTATION_WINDOW)));
    Drafting.Draft draft = drafting.write(writer.orElseThrow(), pick.topic());
    if (draft.failure() != null) {
      return draft.failure();
    }
    return save(c, pick, draft);
  }

  /** Inserts the post and advances the cursor in one short transaction. */
  private SeoResult save(Connection c, Topics.Pick pick, Drafting.Draft draft) throws SQLException {
    boolean publish = config.mode() == SeoConfig.Mode.PUBLISH;
    Instant now = clock.instant();
    NewPost post = NewPost.of(pick.topic(), draft.brief(), draft.markdown(), now, publish);
    c.setAutoCommit(false);
    try {
      PostStore.SavedPost saved = posts.insert(c, post);
      state.writeCursor(c, pick.nextCursor(), now);
      c.commit();
      return SeoResult.saved(publish, saved.id(), saved.slug(), saved.title());
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
