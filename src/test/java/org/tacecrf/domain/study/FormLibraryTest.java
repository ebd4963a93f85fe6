package org.tacecrf.domain.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormLibraryTest {

    @Test
    void builtInLibraryLoads() {
        FormLibrary library = FormLibrary.load(FormLibrary.BUILT_IN_ROOT);
        assertThat(library.forms()).isNotEmpty();
    }
}
