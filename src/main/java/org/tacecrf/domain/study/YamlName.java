package org.tacecrf.domain.study;

/** An enum whose YAML spelling is not its lowercase constant name, e.g. CDASH domains stay in capitals. */
interface YamlName {

    String yamlName();
}
