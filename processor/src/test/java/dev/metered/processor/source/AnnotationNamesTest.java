package dev.metered.processor.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import org.junit.jupiter.api.Test;

/** The scanner knows the annotations by name; the names must be the annotations' own. */
class AnnotationNamesTest {
  @Test
  void theScannersNamesAreTheAnnotationsCanonicalNames() {
    assertThat(HandlerScanner.METERED).isEqualTo(Metered.class.getCanonicalName());
    assertThat(HandlerScanner.ATTR).isEqualTo(Attr.class.getCanonicalName());
  }
}
