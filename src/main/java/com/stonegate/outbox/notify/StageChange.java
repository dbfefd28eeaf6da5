package com.stonegate.outbox.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A move of a contact's {@code crm_pipeline} stage, as the handler asks for it.
 *
 * @param contactId the contact
 * @param toStage {@code qualified}, {@code quoted}, {@code won} or {@code lost}
 * @param reason the event type that caused it, e.g. {@code estimate.requested}
 * @param meta ids that explain it ({@code appointmentId}, {@code quoteId}, …)
 */
public record StageChange(UUID contactId, String toStage, String reason, ObjectNode meta) {}
