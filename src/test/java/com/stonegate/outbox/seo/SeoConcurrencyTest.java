package com.stonegate.outbox.seo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stonegate.outbox.testing.OpenAiReply;
import com.stonegate.outbox.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several workers on one database: the advisory lock lets exactly one write. */
class SeoConcurrencyTest {
  @RegisterExtension final TestDatabase db = TestDatabase.migrated();
  final SeoFixture seo = new SeoFixture(db);

  @AfterEach
  void close() {
    seo.close();
  }

  @Test
  void a_second_worker_attempting_while_the_first_writes_is_locked_out() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    seo.openAi.enqueue(OpenAiReply.text(SeoReplies.brief()).heldUntil(gate));
    SeoAutopublisher first = seo.autopublisher();
    SeoAutopublisher second = seo.autopublisher();

    CompletableFuture<SeoResult> writing = CompletableFuture.supplyAsync(() -> first.attempt(true));
    await().atMost(Duration.ofSeconds(10)).until(() -> seo.openAi.requests().size() == 1);
    SeoResult locked = second.attempt(true);
    gate.countDown();

    assertThat(locked).isEqualTo(SeoResult.skipped("locked"));
    assertThat(writing.get().published()).isTrue();
    assertThat(seo.posts()).isEqualTo(1);
    assertThat(seo.lockIsFree()).isTrue();
  }

  @Test
  void workers_attempting_at_the_same_moment_publish_exactly_one_post() throws Exception {
    int workers = 4;
    CyclicBarrier start = new CyclicBarrier(workers);
    List<SeoAutopublisher> autopublishers =
        IntStream.range(0, workers).mapToObj(i -> seo.autopublisher()).collect(Collectors.toList());

    List<CompletableFuture<SeoResult>> attempts =
        autopublishers.stream()
            .map(
                a ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          arrive(start);
                          return a.attempt(false);
                        }))
            .collect(Collectors.toList());
    List<String> outcomes =
        attempts.stream().map(f -> f.join().outcome()).collect(Collectors.toList());

    // The losers either found the lock taken or, once the winner was done, the post it wrote.
    assertThat(outcomes).containsOnlyOnce("published");
    assertThat(outcomes).filteredOn(o -> !o.equals("published")).isSubsetOf("locked", "too_soon");
    assertThat(seo.posts()).isEqualTo(1);
  }

  private static void arrive(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
