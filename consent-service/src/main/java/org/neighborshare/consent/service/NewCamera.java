package org.neighborshare.consent.service;

/** A camera as its owner registers it; the location is private and never leaves consent-service. */
public record NewCamera(String label, double latitude, double longitude) {}
