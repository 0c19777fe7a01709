package dev.metered.processor.model;

import dev.metered.processor.model.WrapperModel.Supply;
import java.util.List;

/**
 * A handler whose wrapper method can record its family's event, as validation found it: the
 * wrapper is built from this, never from the annotation's text.
 *
 * @param handler the validated handler
 * @param family the family it records
 * @param supplies where each field of the event comes from: every required field exactly once
 * @param nanosPerUnit nanoseconds in the unit of the family's duration, for example 1e6 for
 *     milliseconds
 */
public record HandlerPlan(HandlerModel handler, FamilyModel family, List<Supply> supplies, double nanosPerUnit) {}
