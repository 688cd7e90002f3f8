package org.neighborshare.request.counts;

import java.util.List;
import java.util.UUID;

/** Where counts come from: consent-service, through the gateway. Replaced in tests. */
public interface CountsSource {

    /** Counts of the known requests among {@code requestIds} (at most 100); unknown ids are left out. */
    List<RequestCounts> counts(List<UUID> requestIds);
}
