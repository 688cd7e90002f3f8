package org.neighborshare.agency.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Adds an existing user, found by e-mail, with one role ({@code agency-admin} or {@code investigator}). */
public record MemberRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank String role) {}
