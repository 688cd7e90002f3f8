package org.neighborshare.e2e;

import static org.hamcrest.Matchers.equalTo;

/** Enrolment steps shared by the end-to-end scenarios. */
public final class Agencies {

    public static final String SPRINGFIELD = "{\"type\":\"Polygon\",\"coordinates\":[[[-89.70,39.75],[-89.60,39.75],"
            + "[-89.60,39.83],[-89.70,39.83],[-89.70,39.75]]]}";

    private Agencies() {}

    /** The demo applicant (verified e-mail on springfield-pd.example) applies; returns the agency id. */
    public static String applyForSpringfield() {
        return Gateway.as(DemoData.APPLICANT)
                .body("""
                        {"officialName":"Springfield Police Department","type":"POLICE",
                         "officialDomain":"springfield-pd.example","website":"https://springfield-pd.example",
                         "jurisdiction":%s,
                         "authorizingOfficial":{"name":"Dana Miller","title":"Chief of Police","email":"dmiller@springfield-pd.example"},
                         "policyAccepted":true}""".formatted(SPRINGFIELD))
                .post("/api/agency-applications")
                .then()
                .statusCode(201)
                .body("state", equalTo("APPLIED"))
                .extract()
                .path("id");
    }

    /** Four eyes: the first reviewer ticks the checklist, the second approves. */
    public static void vetAndApprove(String agencyId) {
        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"note\":\"matches the county GIS boundary\"}")
                .post("/api/vetting/" + agencyId + "/checks/JURISDICTION")
                .then()
                .statusCode(200);
        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"note\":\"called the city clerk\"}")
                .post("/api/vetting/" + agencyId + "/checks/AUTHORIZING_OFFICIAL")
                .then()
                .statusCode(200);
        Gateway.as(DemoData.REVIEWER_1)
                .body("{\"decision\":\"APPROVE\",\"reason\":\"alone\"}")
                .post("/api/vetting/" + agencyId + "/decision")
                .then()
                .statusCode(409);
        Gateway.as(DemoData.REVIEWER_2)
                .body("{\"decision\":\"APPROVE\",\"reason\":\"all four items verified\"}")
                .post("/api/vetting/" + agencyId + "/decision")
                .then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
    }
}
