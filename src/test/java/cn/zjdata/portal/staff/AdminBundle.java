package cn.zjdata.portal.staff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The administration pages' interface strings as the bundle files state them, so tests expect what readers see. */
final class AdminBundle {

    private static final Properties ZH = load("messages/admin_zh.properties");
    private static final Properties EN = load("messages/admin_en.properties");

    private AdminBundle() {
    }

    static String zh(String key) {
        return get(ZH, key);
    }

    static String en(String key) {
        return get(EN, key);
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
        try (InputStream in = AdminBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
