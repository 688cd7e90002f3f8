package org.neighborshare.e2e;

/** The realm's demo users and the seeded Riverton agency (keycloak/neighbors-realm.json). */
public final class DemoData {

    public static final String RIVERTON = "5d1d0a6e-8f4b-4a52-9c55-7a1f3c2b9e01";
    public static final String REVIEWER_1 = "reviewer.rivera";
    public static final String REVIEWER_2 = "reviewer.chen";
    public static final String APPLICANT = "chief.miller";
    public static final String INVESTIGATOR = "det.jones";
    public static final String AGENCY_ADMIN = "admin.okafor";
    public static final String ALICE = "owner.alice";
    public static final String BOB = "owner.bob";
    /** Alice's and Bob's cameras lie within 300 m of this point, inside Riverton's jurisdiction. */
    public static final double CAMERA_LAT = 45.5205;

    public static final double CAMERA_LON = -122.6695;

    private DemoData() {}
}
