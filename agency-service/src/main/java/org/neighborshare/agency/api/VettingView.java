package org.neighborshare.agency.api;

import java.time.Instant;
import java.util.List;
import org.neighborshare.agency.domain.Agency;
import org.neighborshare.agency.domain.Vetting;
import org.neighborshare.agency.domain.VettingItem;

/** An application as reviewers see it: the agency, its authorizing official and the checklist so far. */
public record VettingView(AgencyView agency, Official authorizingOfficial, String applicantEmail, List<Check> checks) {

    public record Official(String name, String title, String email) {}

    public record Check(VettingItem item, String checkedBy, Instant checkedAt, String note) {}

    public static VettingView of(Agency a) {
        return new VettingView(
                AgencyView.of(a),
                new Official(a.officialPersonName, a.officialTitle, a.officialEmail),
                a.applicantEmail,
                Vetting.of(a.id).stream()
                        .map(v -> new Check(v.key.item, v.checkedBy, v.checkedAt, v.note))
                        .toList());
    }
}
