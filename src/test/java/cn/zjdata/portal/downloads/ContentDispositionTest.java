package cn.zjdata.portal.downloads;

import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentDispositionTest {

    @Test
    void carriesAnAsciiFallbackAndTheUtf8Name() {
        String header = ContentDisposition.attachment("robots-r1.csv", "在役工业机器人-第1版.csv");
        assertTrue(header.startsWith("attachment; filename=\"robots-r1.csv\"; filename*=UTF-8''"), header);
        String encoded = header.substring(header.indexOf("''") + 2);
        assertTrue(encoded.matches("[A-Za-z0-9%._-]+"), "only RFC 8187 attr-chars: " + encoded);
        assertEquals("在役工业机器人-第1版.csv", URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void pathSeparatorsQuotesAndControlCharactersNeverReachTheName() {
        String header = ContentDisposition.attachment("a\"b/c.csv", "..\\evil/\"name\r\n.csv");
        String decoded = URLDecoder.decode(header.substring(header.indexOf("''") + 2), StandardCharsets.UTF_8);
        assertTrue(decoded.matches("[^/\\\\\"\\r\\n]+"), decoded);
        assertTrue(header.contains("filename=\"a_b_c.csv\""), header);
    }
}
