package org.neighborshare.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BannerTest {

    @Test
    void theBannerNamesUrlsAndDemoUsers() {
        String banner = Banner.text(SuiteConfig.defaults(SuiteConfig.findRepoRoot()), Map.of());
        for (String s : List.of(
                "http://localhost:8080",
                "http://localhost:8180/admin",
                "admin / admin",
                "http://localhost:8081",
                "http://localhost:8082",
                "http://localhost:8083",
                "localhost:54320",
                "http://localhost:9080/q/health",
                "http://localhost:9080/q/metrics",
                "http://localhost:9083",
                "neighbors-demo",
                "reviewer.rivera",
                "investigator in agency")) {
            assertTrue(banner.contains(s), s + " missing from\n" + banner);
        }
    }

    @Test
    void readyTimesAreListedByShortName() {
        String banner = Banner.text(
                SuiteConfig.defaults(SuiteConfig.findRepoRoot()), Map.of(Services.AGENCY, Duration.ofMillis(4200)));
        assertTrue(banner.contains("ready after") && banner.contains("agency 4.2 s"), banner);
    }
}
