package cn.zjdata.portal.catalog;

import cn.zjdata.portal.common.ApiConfig;
import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dataset catalog. */
@Path("/api/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Datasets", description = "The dataset catalog and its releases")
public class DatasetResource {

    private final CatalogService service;
    private final ApiConfig api;

    public DatasetResource(CatalogService service, ApiConfig api) {
        this.service = service;
        this.api = api;
    }

    @GET
    @Operation(summary = "List datasets", description = "Published datasets ordered by title, filtered and paged, each with its download links.")
    public Page<CatalogViews.DatasetSummary> list(
            @Parameter(description = "Theme id (see /api/themes), e.g. ECON") @QueryParam("theme") String theme,
            @Parameter(description = "Publisher id (see /api/publishers)") @QueryParam("publisher") String publisher,
            @Parameter(description = "A keyword, matched exactly (case-insensitive)") @QueryParam("keyword") String keyword,
            @Parameter(description = "Free text, matched in titles, descriptions and keywords") @QueryParam("q") String text,
            @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1–1000; above the maximum (100) it is clamped") @QueryParam("size") String size) {
        DatasetFilter filter = new DatasetFilter(blankToNull(theme), blankToNull(publisher), blankToNull(keyword), blankToNull(text));
        return service.list(filter, PageRequest.parse(page, size, api));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Show a dataset", description = "Metadata, column schema, distributions and every release.")
    public CatalogViews.DatasetDetail show(@PathParam("id") String id) {
        return service.show(id);
    }

    @GET
    @Path("{id}/releases/{number: \\d+}")
    @Operation(summary = "Show one release of a dataset")
    public CatalogViews.ReleaseView release(@PathParam("id") String id, @PathParam("number") int number) {
        return service.showRelease(id, number);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
