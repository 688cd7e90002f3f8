package org.neighborshare.agency.domain;

/** Closed on purpose: enrolling any other kind of body is a policy change, not a code change. */
public enum AgencyType {
    POLICE,
    FIRE
}
