package cn.zjdata.portal.indicators;

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

/** Plan indicators: their figures (baselines, targets, actuals) and progress. */
@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Plan indicators, their figures and progress toward targets")
public class IndicatorResource {

    private final IndicatorService service;
    private final ApiConfig api;

    public IndicatorResource(IndicatorService service, ApiConfig api) {
        this.service = service;
        this.api = api;
    }

    @GET
    @Operation(summary = "List indicators", description = "In registry order, each with its progress toward its next target.")
    public Page<IndicatorViews.Summary> list(
            @Parameter(description = "Category id, e.g. overall-scale") @QueryParam("category") String category,
            @Parameter(description = "Plan id: only indicators with a figure from this plan, e.g. doubling-plan") @QueryParam("plan") String plan,
            @Parameter(description = "Page number, from 1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1–1000; above the maximum (100) it is clamped") @QueryParam("size") String size) {
        return service.list(blankToNull(category), blankToNull(plan), PageRequest.parse(page, size, api));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Show an indicator", description = "All its figures, each with its source, and its progress.")
    public IndicatorViews.Detail show(@PathParam("code") String code) {
        return service.show(code);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
