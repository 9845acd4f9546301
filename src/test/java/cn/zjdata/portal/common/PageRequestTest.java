package cn.zjdata.portal.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRequestTest {

    private static final ApiConfig LIMITS = new ApiConfig() {
        public int defaultPageSize() { return 20; }
        public int maxPageSize() { return 100; }
        public int pageSizeLimit() { return 1000; }
    };

    @Test
    void missingParametersGiveTheFirstPageOfDefaultSize() {
        PageRequest page = PageRequest.parse(null, "", LIMITS);
        assertEquals(new PageRequest(1, 20), page);
        assertEquals(0, page.offset());
    }

    @Test
    void sizesAboveTheMaximumAreClampedToIt() {
        assertEquals(100, PageRequest.parse("3", "500", LIMITS).size());
        assertEquals(200, PageRequest.parse("3", "500", LIMITS).offset());
    }

    @ParameterizedTest
    @CsvSource({"page,-1,10", "page,abc,10", "page,0,10", "page,99999999999,10", "size,1,0", "size,1,1000000000", "size,1,ten", "size,1,１", "page,1.5,10"})
    void badPagingIsA400NamingTheParameter(String parameter, String page, String size) {
        ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.parse(page, size, LIMITS));
        assertEquals(400, e.status());
        assertEquals(parameter, e.errors().getFirst().field());
        assertTrue(e.getMessage().contains(parameter));
    }
}
