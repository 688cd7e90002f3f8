package org.neighborshare.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.neighborshare.request.domain.FootageRequest;
import org.neighborshare.shared.problem.ProblemException;
import org.neighborshare.shared.security.Caller;

/**
 * No one moderates their own agency's request (docs/rules.md): neither its author nor any member of its agency.
 * Membership is read from the caller's token; the author check also covers a reviewer who has left the agency
 * since writing the request, and so no longer carries its roles.
 */
@ApplicationScoped
public class ReviewerIndependence {

    public void check(FootageRequest request, Caller reviewer) {
        if (request.createdBy.equals(reviewer.id())) {
            throw ProblemException.forbidden("you wrote request " + request.id + "; another reviewer must moderate it");
        }
        if (reviewer.isMemberOf(request.agencyId)) {
            throw ProblemException.forbidden("you are a member of agency " + request.agencyId
                    + "; a reviewer outside it must moderate its requests");
        }
    }
}
