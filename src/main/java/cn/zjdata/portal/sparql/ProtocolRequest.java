package cn.zjdata.portal.sparql;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A SPARQL Protocol query request whose parameters have been checked: at most one query (none asks for
 * the service description), the dataset the protocol names, and what the client asked of the answer.
 *
 * @param query         the query text, or null for the service description
 * @param defaultGraphs {@code default-graph-uri} values, in order
 * @param namedGraphs   {@code named-graph-uri} values, in order
 * @param format        the {@code format} parameter (a token such as "json", or a media type), if given
 * @param clientTimeout the {@code timeout} parameter, if given; it can only shorten the server's
 */
public record ProtocolRequest(String query, List<String> defaultGraphs, List<String> namedGraphs,
                              Optional<String> format, Optional<Duration> clientTimeout) {

    public ProtocolRequest {
        defaultGraphs = List.copyOf(defaultGraphs);
        namedGraphs = List.copyOf(namedGraphs);
    }

    public boolean hasQuery() {
        return query != null;
    }

    /** Whether the protocol names a dataset, which then replaces the query's FROM and FROM NAMED. */
    public boolean describesDataset() {
        return !defaultGraphs.isEmpty() || !namedGraphs.isEmpty();
    }
}
