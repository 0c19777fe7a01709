package dev.metered.processor.model;

import dev.metered.processor.diagnostic.SourcePosition;
import java.util.List;

/**
 * The validated schema with the handlers' contributions: everything the generators need and
 * nothing tied to the compiler.
 *
 * @param schemaPath the schema file the model was read from, for generated comments
 * @param namespace the first segment of every metric name
 * @param javaPackage the package of the generated recorders
 * @param namespacePosition where the namespace is in the schema
 */
public record MetricsModel(
    String schemaPath,
    String namespace,
    String javaPackage,
    List<FamilyModel> families,
    SourcePosition namespacePosition) {}
