package cn.zjdata.portal.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The portal's message bundles as files, so page tests expect the words the translators wrote. */
public final class Bundles {

    private static final Properties ZH = load("messages/msg_zh.properties");
    private static final Properties EN = load("messages/msg_en.properties");

    private Bundles() {
    }

    public static String zh(String key) {
        return get(ZH, key);
    }

    public static String en(String key) {
        return get(EN, key);
    }

    public static String in(String lang, String key) {
        return "en".equals(lang) ? en(key) : zh(key);
    }

    private static String get(Properties bundle, String key) {
        String value = bundle.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("No message " + key);
        }
        return value;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
