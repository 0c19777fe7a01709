package dev.metered.processor.model;

/** Whether a field is sent as an attribute or only feeds metric values and conditions. */
public enum FieldRole {
  ATTRIBUTE,
  INPUT
}
