package cn.zjdata.portal.linkeddata;

import cn.zjdata.portal.common.PortalConfig;
import cn.zjdata.portal.common.PortalUris;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrisTest {

    private static Uris under(String base) {
        return new Uris(new PortalUris(new PortalConfig() {
            @Override
            public Path dataDir() {
                return Path.of("./data");
            }

            @Override
            public String baseUri() {
                return base;
            }
        }));
    }

    @Test
    void linksStayUnderTheBaseUrisPath() {
        assertEquals("/portal/doc/dataset/x", under("https://data.example.cn/portal/").local("/doc/dataset/x"));
        assertEquals("/doc/dataset/x", under("http://localhost:8080/").local("/doc/dataset/x"));
    }

    @Test
    void aPathIsCanonicalWhateverCaseItsEscapesUseAndWhetherItsTextIsEscapedAtAll() {
        String canonical = "keyword/zh/%E6%8C%87%E6%A0%87";
        assertEquals(Optional.of(canonical), Uris.canonicalPath("keyword/zh/%e6%8c%87%e6%a0%87"));
        assertEquals(Optional.of(canonical), Uris.canonicalPath("keyword/zh/指标"));
        assertEquals(Optional.of("keyword/en/digital%20economy"), Uris.canonicalPath("keyword/en/digital%20economy"));
        assertEquals(Optional.of("keyword/en/a%2Fb"), Uris.canonicalPath("keyword/en/a%2fb"), "an escaped slash stays inside its segment");
        assertEquals(Optional.of("keyword/en/a%2Bb"), Uris.canonicalPath("keyword/en/a+b"), "a plus is a plus in a path");
    }

    @Test
    void bytesThatAreNotUtf8OrBrokenEscapesNameNothing() {
        assertEquals(Optional.empty(), Uris.canonicalPath("keyword/zh/%FF%FE"));
        assertEquals(Optional.empty(), Uris.canonicalPath("keyword/zh/%E6%8"));
    }
}
