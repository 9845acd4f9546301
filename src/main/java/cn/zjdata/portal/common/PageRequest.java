package cn.zjdata.portal.common;

/**
 * A validated page of a list: 1-based page number and a page size within the API's limits.
 * Parameters arrive as strings so that "page=abc" is a 400 naming the parameter rather than a routing miss.
 */
public record PageRequest(int page, int size) {

    /** Pages beyond this are refused: no list is that long, and page × size must not overflow. */
    static final int MAX_PAGE = 1_000_000;

    public static PageRequest parse(String page, String size, ApiConfig config) {
        int pageNumber = page == null || page.isBlank() ? 1 : parseInt("page", page);
        if (pageNumber < 1 || pageNumber > MAX_PAGE) {
            throw ProblemException.badParameter("page", "must be between 1 and " + MAX_PAGE + ", was " + page);
        }
        int pageSize = size == null || size.isBlank() ? config.defaultPageSize() : parseInt("size", size);
        if (pageSize < 1 || pageSize > config.pageSizeLimit()) {
            throw ProblemException.badParameter("size", "must be between 1 and " + config.pageSizeLimit()
                    + " (sizes above " + config.maxPageSize() + " are clamped to it), was " + size);
        }
        return new PageRequest(pageNumber, Math.min(pageSize, config.maxPageSize()));
    }

    private static int parseInt(String parameter, String raw) {
        String text = raw.trim();
        if (!text.matches("[+-]?[0-9]{1,10}")) {
            throw ProblemException.badParameter(parameter, "must be a whole number, was '" + raw + "'");
        }
        long value = Long.parseLong(text);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    public int offset() {
        return (page - 1) * size;
    }
}
