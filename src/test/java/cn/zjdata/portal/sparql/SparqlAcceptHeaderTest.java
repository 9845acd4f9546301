package cn.zjdata.portal.sparql;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SparqlAcceptHeaderTest {

    private static Optional<SparqlFormat> choose(String accept, List<SparqlFormat> offers) {
        return AcceptHeader.parse(accept).choose(offers);
    }

    @Test
    void noHeaderOrAnythingGetsTheFirstOffer() {
        assertEquals(Optional.of(SparqlFormat.JSON), choose(null, SparqlFormat.results()));
        assertEquals(Optional.of(SparqlFormat.JSON), choose("*/*", SparqlFormat.results()));
        assertEquals(Optional.of(SparqlFormat.TURTLE), choose("", SparqlFormat.graphs()));
    }

    @Test
    void theHighestQualityWinsAndTiesGoToTheEarlierOffer() {
        assertEquals(Optional.of(SparqlFormat.CSV), choose("application/sparql-results+json;q=0.5, text/csv", SparqlFormat.results()));
        assertEquals(Optional.of(SparqlFormat.XML), choose("text/csv, application/sparql-results+xml", SparqlFormat.results()));
        assertEquals(Optional.of(SparqlFormat.RDFXML), choose("application/rdf+xml;q=0.9, text/*;q=0.1", SparqlFormat.graphs()));
    }

    @Test
    void theMostSpecificRangeDecidesAnOffersQuality() {
        assertEquals(Optional.of(SparqlFormat.TSV), choose("text/*;q=0.8, text/csv;q=0", SparqlFormat.results()));
        assertEquals(Optional.of(SparqlFormat.XML), choose("*/*;q=0.1, application/sparql-results+json;q=0, application/*", SparqlFormat.results()));
    }

    @Test
    void aliasesCount() {
        assertEquals(Optional.of(SparqlFormat.JSON), choose("application/json", SparqlFormat.results()));
        assertEquals(Optional.of(SparqlFormat.TURTLE), choose("application/x-turtle", SparqlFormat.graphs()));
    }

    @Test
    void aBrowserGetsThePageWhereThereIsOneAndRdfOtherwise() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assertEquals(Optional.of(SparqlFormat.HTML), choose(browser, SparqlFormat.serviceDescription()));
        assertEquals(Optional.of(SparqlFormat.TURTLE), choose(browser, SparqlFormat.graphs()));
        assertEquals(Optional.of(SparqlFormat.TURTLE), choose("text/html, text/turtle", SparqlFormat.serviceDescription()));
    }

    @Test
    void nothingAcceptableAndMalformedRangesChooseNothing() {
        assertEquals(Optional.empty(), choose("image/png", SparqlFormat.results()));
        assertEquals(Optional.empty(), choose("text/csv;q=0", List.of(SparqlFormat.CSV)));
        assertEquals(Optional.empty(), choose("nonsense, text/csv;q=high", SparqlFormat.results()));
    }
}
