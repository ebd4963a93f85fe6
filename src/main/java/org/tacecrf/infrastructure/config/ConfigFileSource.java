package org.tacecrf.infrastructure.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Reads {@code config/tace-ecrf.properties} from the deployment's configuration directory, so an
 * installation is configured without rebuilding the war.
 * <p>
 * Ordinal 250: above the defaults packaged in the war (100) and below environment variables (300)
 * and {@code -D} system properties (400), so an operator can always override a file value.
 * The directory is {@code tace.config.dir} (system property or {@code TACE_CONFIG_DIR}), else
 * {@code ./config} relative to the server's working directory.
 */
public class ConfigFileSource implements ConfigSource {

    static final String FILE_NAME = "tace-ecrf.properties";
    private final Map<String, String> values;
    private final String name;

    public ConfigFileSource() {
        Path file = configDirectory().resolve(FILE_NAME);
        this.name = "tace-ecrf config file " + file.toAbsolutePath().normalize();
        this.values = read(file);
    }

    static Path configDirectory() {
        String dir = System.getProperty("tace.config.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("TACE_CONFIG_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "config" : dir);
    }

    private static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file, e);
        }
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key).trim()));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return 250;
    }
}
