package org.neighborshare.consent.api;

import jakarta.validation.constraints.NotNull;

public record SettingsRequest(@NotNull Boolean optedOut) {}
