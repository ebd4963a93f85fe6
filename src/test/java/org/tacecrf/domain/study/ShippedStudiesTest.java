package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ShippedStudiesTest {

    static final Path STUDIES = Path.of(System.getProperty("basedir", ".")).resolve("config/studies");

    @Test
    void allShippedDefinitionsLoad() {
        StudyCatalog catalog = StudyCatalog.load(STUDIES);
        assertThat(catalog.size()).isPositive();
    }
}
