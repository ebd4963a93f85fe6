package org.tacecrf.interfaces.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Simplified Chinese user-interface bundle matches the English one key for key and placeholder
 * for placeholder, and both load the way the application loads them (ResourceBundle, UTF-8).
 */
class MessagesBundleTest {

    private static final String ENGLISH = "/org/tacecrf/i18n/messages.properties";
    private static final String CHINESE = "/org/tacecrf/i18n/messages_zh_CN.properties";

    /** An argument reference of MessageFormat: {0}, {1,number}, {2,date,short}. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");

    /** Values that read the same in both languages: a bare argument, format names, an abbreviation. */
    private static final Set<String> SAME_IN_BOTH = Set.of(
            "check.failed", "lesion.rule", "exportFormat.csv", "exportFormat.xlsx", "sdv.progress");

    @Test
    void everyEnglishKeyIsTranslatedAndNoOtherKeyExists() throws IOException {
        Properties english = load(ENGLISH);
        Properties chinese = load(CHINESE);

        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(800);
        assertThat(chinese.stringPropertyNames())
                .as("keys of messages_zh_CN.properties")
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    /** The converter and required-field messages Faces shows at a field are translated too. */
    @Test
    void facesMessagesAreTranslated() throws IOException {
        Properties english = load("/org/tacecrf/i18n/faces.properties");
        Properties chinese = load("/org/tacecrf/i18n/faces_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(ResourceBundle.getBundle("org.tacecrf.i18n.faces", Locale.SIMPLIFIED_CHINESE)
                .getString("jakarta.faces.component.UIInput.REQUIRED")).isEqualTo("此项为必填项。");
    }

    @Test
    void translationsUseTheSameArgumentsAsTheEnglishText() throws IOException {
        Properties english = load(ENGLISH);
        Properties chinese = load(CHINESE);
        List<String> differing = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            Set<Integer> expected = arguments(english.getProperty(key));
            Set<Integer> actual = arguments(chinese.getProperty(key, ""));
            if (!expected.equals(actual)) {
                differing.add(key + ": " + expected + " in English, " + actual + " in Chinese");
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void textsWithArgumentsFormatAndShowEveryArgument() throws IOException {
        List<String> broken = new ArrayList<>();
        broken.addAll(unformattable(load(ENGLISH), Locale.ENGLISH));
        broken.addAll(unformattable(load(CHINESE), Locale.SIMPLIFIED_CHINESE));
        assertThat(broken).isEmpty();
    }

    @Test
    void everyTextIsTranslated() throws IOException {
        Properties english = load(ENGLISH);
        Properties chinese = load(CHINESE);
        List<String> untranslated = english.stringPropertyNames().stream()
                .filter(key -> !SAME_IN_BOTH.contains(key))
                .filter(key -> english.getProperty(key).equals(chinese.getProperty(key)))
                .sorted().toList();
        assertThat(untranslated).isEmpty();
    }

    @Test
    void chineseTextsCarryNoApostrophe() throws IOException {
        // Pages show texts without arguments as they are, Messages.text formats those with
        // arguments: an ASCII apostrophe would need two spellings. Chinese uses “” and ‘’ instead.
        Properties chinese = load(CHINESE);
        List<String> withApostrophe = chinese.stringPropertyNames().stream()
                .filter(key -> chinese.getProperty(key).contains("'")).sorted().toList();
        assertThat(withApostrophe).isEmpty();
    }

    @Test
    void applicationLoadsTheChineseBundleAsUtf8() {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, Locale.SIMPLIFIED_CHINESE);

        assertThat(bundle.getString("common.save")).isEqualTo("保存");
        assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "user.created", "wang.li")).isEqualTo("用户 wang.li 已创建。");
        assertThat(Messages.text(Locale.SIMPLIFIED_CHINESE, "value.error.integer", "3,5")).isEqualTo("“3,5”不是整数。");
    }

    @Test
    void englishStaysEnglishOnAServerWhoseDefaultLocaleIsChinese() {
        // ResourceBundle falls back to the JVM default locale before the base bundle: without an
        // English bundle of its own, an English page on a server set up in Chinese would show Chinese.
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            ResourceBundle.clearCache();
            assertThat(ResourceBundle.getBundle(Messages.BUNDLE, Locale.ENGLISH).getString("common.save")).isEqualTo("Save");
            assertThat(Messages.text(Locale.ENGLISH, "user.created", "wang.li")).isEqualTo("User wang.li created.");
        } finally {
            Locale.setDefault(before);
            ResourceBundle.clearCache();
        }
    }

    private static List<String> unformattable(Properties texts, Locale locale) {
        List<String> broken = new ArrayList<>();
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            String pattern = texts.getProperty(key);
            Set<Integer> indices = arguments(pattern);
            if (indices.isEmpty()) {
                continue;
            }
            Object[] values = new Object[indices.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
            for (int i = 0; i < values.length; i++) {
                values[i] = "<arg" + i + ">";
            }
            try {
                String text = new MessageFormat(pattern, locale).format(values);
                // A lone apostrophe quotes what follows: the argument would be printed as {n}.
                boolean allShown = indices.stream().allMatch(i -> text.contains("<arg" + i + ">"));
                if (!allShown || text.contains("{")) {
                    broken.add(locale + " " + key + ": " + text);
                }
            } catch (IllegalArgumentException e) {
                broken.add(locale + " " + key + ": " + e.getMessage());
            }
        }
        return broken;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            indices.add(Integer.parseInt(m.group(1)));
        }
        return indices;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
