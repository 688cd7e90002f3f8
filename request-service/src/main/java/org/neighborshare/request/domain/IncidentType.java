package org.neighborshare.request.domain;

/** Closed list: an agency cannot invent a reason to ask for footage. */
public enum IncidentType {
    BURGLARY,
    THEFT,
    VANDALISM,
    ASSAULT,
    ROBBERY,
    HIT_AND_RUN,
    MISSING_PERSON,
    ARSON,
    FIRE_INVESTIGATION,
    HOMICIDE
}
