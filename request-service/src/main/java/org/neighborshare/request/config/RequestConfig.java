package org.neighborshare.request.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The numbers of the footage-request rules (docs/rules.md); the rules that use them live in RequestRules. */
@ConfigMapping(prefix = "requests")
public interface RequestConfig {

    /**
     * How often the expiry job looks ({@code RequestExpiry}'s {@code @Scheduled} reads this key); declared so that the
     * end-to-end suite may set it (SuiteConfig's quick schedules).
     */
    @WithDefault("60s")
    String expiryCheckEvery();

    @WithDefault("PT15M")
    Duration minWindow();

    @WithDefault("PT12H")
    Duration maxWindow();

    /** How far back a window may start. */
    @WithDefault("P60D")
    Duration maxAge();

    @WithDefault("0.025")
    double minAreaSquareMiles();

    @WithDefault("0.5")
    double maxAreaSquareMiles();

    @WithDefault("2")
    int maxPerCaseNumber();

    @WithDefault("50")
    int dailyQuotaPerAgency();

    @WithDefault("P7D")
    Duration publicationLifetime();

    /** Largest page a list endpoint returns, whatever the client asks. */
    @WithDefault("100")
    int maxPageSize();
}
