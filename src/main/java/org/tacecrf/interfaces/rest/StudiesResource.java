package org.tacecrf.interfaces.rest;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tacecrf.application.security.CurrentUser;
import org.tacecrf.infrastructure.persistence.StudyRepository;

/** The studies the caller is assigned to, with the sites they may see. */
@Path("studies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StudiesResource {

    /** A study as the API lists it. */
    public record StudyJson(String id, String title, String definitionVersion, String status, List<SiteJson> sites) {
    }

    /** A site as the API lists it. */
    public record SiteJson(String id, String name, String status) {
    }

    @Inject
    private CurrentUser currentUser;
    @Inject
    private StudyRepository studies;

    @GET
    @Operation(summary = "Studies and sites the caller may see")
    public List<StudyJson> list() {
        currentUser.get();
        return studies.findAll().stream().filter(s -> currentUser.canSeeStudy(s.getId()))
                .map(s -> new StudyJson(s.getId(), s.getTitle(), s.getDefinitionVersion(), s.getStatus().name(),
                        studies.sites(s.getId()).stream().filter(site -> currentUser.canSee(s.getId(), site.getSiteId()))
                                .map(site -> new SiteJson(site.getSiteId(), site.getName(), site.getStatus().name())).toList()))
                .toList();
    }
}
