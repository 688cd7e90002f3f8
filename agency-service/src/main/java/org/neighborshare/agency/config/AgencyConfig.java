package org.neighborshare.agency.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agency")
public interface AgencyConfig {

    /** Seed the local demo agency (launcher and end-to-end tests only). */
    @WithDefault("false")
    boolean demoData();
}
