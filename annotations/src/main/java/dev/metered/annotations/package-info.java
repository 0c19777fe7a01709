/**
 * The annotations a user puts on handlers: {@link dev.metered.annotations.Metered} binds a
 * method to a metric family of the schema, {@link dev.metered.annotations.Attr} takes an
 * attribute's value from a parameter. Both are read by the Metered annotation processor at
 * compile time and are not retained in class files.
 */
package dev.metered.annotations;
