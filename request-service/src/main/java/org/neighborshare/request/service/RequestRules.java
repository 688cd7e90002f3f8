package org.neighborshare.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import org.neighborshare.request.config.RequestConfig;
import org.neighborshare.shared.geo.GeoCircle;
import org.neighborshare.shared.geo.GeoJsonPolygon;
import org.neighborshare.shared.problem.ProblemException;

/** The limits a request must respect (docs/rules.md, footage requests); each breach is a 422 naming the field. */
@ApplicationScoped
public class RequestRules {

    @Inject
    RequestConfig config;

    public void checkWindow(Instant start, Instant end, Instant now) {
        Duration length = Duration.between(start, end);
        if (length.compareTo(config.minWindow()) < 0) {
            throw ProblemException.invalidField(
                    "windowEnd",
                    "the window must last at least " + config.minWindow().toMinutes() + " minutes");
        }
        if (length.compareTo(config.maxWindow()) > 0) {
            throw ProblemException.invalidField(
                    "windowEnd",
                    "the window may last at most " + config.maxWindow().toHours() + " hours");
        }
        if (end.isAfter(now)) {
            throw ProblemException.invalidField("windowEnd", "the window must lie wholly in the past");
        }
        if (start.isBefore(now.minus(config.maxAge()))) {
            throw ProblemException.invalidField(
                    "windowStart",
                    "the window may start at most " + config.maxAge().toDays() + " days ago");
        }
    }

    public GeoCircle checkArea(NewFootageRequest.Area area) {
        if (area.radiusMeters() == null || !(area.radiusMeters() > 0)) {
            throw ProblemException.invalidField("area.radiusMeters", "must be a positive number of metres");
        }
        GeoCircle circle = new GeoCircle(area.latitude(), area.longitude(), area.radiusMeters());
        double sqMi = circle.areaSquareMiles();
        if (sqMi < config.minAreaSquareMiles() || sqMi > config.maxAreaSquareMiles()) {
            throw ProblemException.invalidField(
                    "area.radiusMeters",
                    String.format(
                            "the area is %.3f sq mi; it must be between %s and %s sq mi",
                            sqMi, config.minAreaSquareMiles(), config.maxAreaSquareMiles()));
        }
        return circle;
    }

    /** The centre must lie inside the agency's jurisdiction (point in polygon). */
    public void checkCentre(GeoCircle area, GeoJsonPolygon jurisdiction) {
        if (!jurisdiction.contains(area.latitude(), area.longitude())) {
            throw ProblemException.invalidField("area", "the centre lies outside the agency's jurisdiction");
        }
    }

    /** A rolling 24-hour quota per agency; exceeding it is a 429, the request is not stored. */
    public void checkDailyQuota(long createdInLastDay) {
        if (createdInLastDay >= config.dailyQuotaPerAgency()) {
            throw ProblemException.tooManyRequests(
                    "the agency's quota of " + config.dailyQuotaPerAgency() + " requests per 24 hours is used up");
        }
    }

    /**
     * The form under which two case numbers name one case: Unicode compatibility-folded (full-width, ligatures),
     * letters and digits only, lower case. Spaces, dashes, invisible characters or capitals would otherwise make
     * one case look like many to the per-case limit.
     */
    public String caseKey(String caseNumber) {
        String folded = Normalizer.normalize(caseNumber, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(c -> key.appendCodePoint(Character.toLowerCase(c)));
        if (key.isEmpty()) {
            throw ProblemException.invalidField("caseNumber", "must contain a letter or a digit");
        }
        return key.toString();
    }

    public void checkCaseNumber(long existingForCase) {
        if (existingForCase >= config.maxPerCaseNumber()) {
            throw ProblemException.invalidField(
                    "caseNumber", "at most " + config.maxPerCaseNumber() + " requests per case number");
        }
    }

    public void checkEmergency(boolean emergency, String justification) {
        if (emergency && (justification == null || justification.isBlank())) {
            throw ProblemException.invalidField(
                    "emergencyJustification",
                    "an emergency request needs a justification of imminent danger of death or serious physical injury");
        }
    }
}
