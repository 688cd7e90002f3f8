package org.neighborshare.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageSizesTest {

    final PageSizes pageSizes = new PageSizes(List.of("size", "limit"));

    @Test
    void acceptsQueriesWithinTheCapOrWithoutPageSize() {
        for (String q : new String[] {
            null, "", "size=100", "limit=1&page=3", "page=9999", "q=size%3D1000", "sizes=1000", "&&size=5"
        }) {
            assertTrue(pageSizes.violation(q, 100).isEmpty(), q);
        }
    }

    @Test
    void refusesEveryWayOfAskingForMore() {
        for (String q : new String[] {
            "size=101",
            "limit=100000",
            "%73ize=500",
            "SIZE=500",
            "size=1&size=500",
            "page=0;size=500",
            "size=%35%30%30",
            "size=",
            "size=-1",
            "size=1e3",
            "size=99999999999",
            "size=%zz"
        }) {
            assertTrue(pageSizes.violation(q, 100).isPresent(), q);
        }
    }
}
