package com.stonegate.outbox.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.stonegate.outbox.db.Database;
import com.stonegate.outbox.notify.Journal;
import com.stonegate.outbox.notify.Pipeline;
import com.stonegate.outbox.notify.StageChange;
import com.stonegate.outbox.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stage changes on a database whose crm_pipeline.stage is plain text (the enum is tested
 * elsewhere).
 */
class PipelineTest {
  @RegisterExtension final TestDatabase db = TestDatabase.empty();

  @Test
  void text_typed_stage_moves_once_with_one_event_per_real_change() throws Exception {
    db.update(
        "CREATE TABLE contacts (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, first_name text NOT NULL,"
            + " last_name text NOT NULL, email text, phone varchar(32), phone_e164 varchar(32));"
            + " CREATE TABLE crm_pipeline (contact_id uuid PRIMARY KEY, stage text NOT NULL DEFAULT 'new',"
            + " notes text, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())");
    Database.migrate(db.dataSource());
    UUID contact =
        db.value("INSERT INTO contacts (first_name, last_name) VALUES ('A', 'B') RETURNING id");
    Pipeline pipeline = new Pipeline(db.dataSource(), new Journal());
    UUID event = UUID.randomUUID();

    assertThat(
            pipeline.move(event, new StageChange(contact, "qualified", "estimate.requested", null)))
        .contains("none");
    assertThat(
            pipeline.move(event, new StageChange(contact, "qualified", "estimate.requested", null)))
        .isEmpty();
    assertThat(pipeline.move(event, new StageChange(contact, "won", "quote.decision", null)))
        .contains("qualified");

    assertThat(db.<String>value("SELECT stage FROM crm_pipeline WHERE contact_id = ?", contact))
        .isEqualTo("won");
    assertThat(
            db.query(
                "SELECT payload->>'fromStage' AS f, payload->>'toStage' AS t FROM outbox_events ORDER BY created_at, payload->>'toStage' DESC"))
        .extracting(r -> r.get("f") + "->" + r.get("t"))
        .containsExactly("null->qualified", "qualified->won");
  }
}
