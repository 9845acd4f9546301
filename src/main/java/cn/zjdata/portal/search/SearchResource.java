package cn.zjdata.portal.search;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.PageRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Full-text search of the catalog. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search of datasets and plan indicators, with facets")
public class SearchResource {

    private final SearchService service;
    private final ApiConfig api;

    public SearchResource(SearchService service, ApiConfig api) {
        this.service = service;
        this.api = api;
    }

    @GET
    @Operation(summary = "Search datasets",
            description = "Published datasets matching the text (Chinese by the words inside it, English by word stem, "
                    + "indicator codes exactly), ranked by relevance, with highlighted passages as text segments, "
                    + "counts for every facet (each counted with the other facets' filters applied), the matching plan "
                    + "indicators, and suggestions when nothing matches. Repeat a facet parameter to allow several values. "
                    + "An empty q lists everything, newest first.")
    public SearchResult search(
            @Parameter(description = "The text to search for, e.g. 机器人, 上云, patents, pct-patent-applications; at most 200 characters")
            @QueryParam("q") String q,
            @Parameter(description = "Theme id (see /api/themes), e.g. TECH; repeatable") @QueryParam("theme") List<String> theme,
            @Parameter(description = "Publisher id (see /api/publishers); repeatable") @QueryParam("publisher") List<String> publisher,
            @Parameter(description = "Download format: csv, excel-csv or json; repeatable") @QueryParam("format") List<String> format,
            @Parameter(description = "Licence IRI as in /api/datasets/{id}, e.g. https://creativecommons.org/licenses/by/4.0/; repeatable") @QueryParam("license") List<String> license,
            @Parameter(description = "Update-frequency IRI as in /api/datasets/{id}, e.g. http://publications.europa.eu/resource/authority/frequency/ANNUAL; repeatable") @QueryParam("frequency") List<String> frequency,
            @Parameter(description = "A year the data covers (its temporal coverage; the year first published when it states none); repeatable")
            @QueryParam("year") List<String> year,
            @Parameter(description = "relevance (default; newest when q is empty), title or newest") @QueryParam("sort") String sort,
            @Parameter(description = "Language titles sort in for sort=title: zh (default) or en") @QueryParam("lang") String lang,
            @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1–1000; above the maximum (100) it is clamped") @QueryParam("size") String size) {
        Map<SearchFacet, List<String>> filters = new EnumMap<>(SearchFacet.class);
        filters.put(SearchFacet.THEME, theme);
        filters.put(SearchFacet.PUBLISHER, publisher);
        filters.put(SearchFacet.FORMAT, format);
        filters.put(SearchFacet.LICENSE, license);
        filters.put(SearchFacet.FREQUENCY, frequency);
        filters.put(SearchFacet.YEAR, year);
        return service.search(SearchQuery.parse(q, filters, sort, PageRequest.parse(page, size, api), lang));
    }
}
