package org.tacecrf.application.integrity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.tacecrf.application.audit.Actor;
import org.tacecrf.application.audit.AuditEntry;
import org.tacecrf.application.audit.AuditTrail;
import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;
import org.tacecrf.application.security.AuthenticationResult;
import org.tacecrf.application.security.AuthenticationService;
import org.tacecrf.domain.integrity.SignatureMeaning;
import org.tacecrf.domain.integrity.SignatureScope;
import org.tacecrf.domain.integrity.SignatureValidity;
import org.tacecrf.domain.integrity.SignedContent;
import org.tacecrf.domain.integrity.SignedItem;
import org.tacecrf.infrastructure.persistence.CasebookRepository;
import org.tacecrf.infrastructure.persistence.IntegrityRepository;
import org.tacecrf.model.audit.AuditSource;
import org.tacecrf.model.casebook.FormData;
import org.tacecrf.model.casebook.FormState;
import org.tacecrf.model.casebook.ItemData;
import org.tacecrf.model.casebook.Subject;
import org.tacecrf.model.casebook.Visit;
import org.tacecrf.model.integrity.Signature;
import org.tacecrf.model.user.AppUser;

/**
 * Electronic signatures (21 CFR Part 11 subpart C). An investigator of the subject's site signs a
 * complete form, a visit or the whole casebook by entering their password again (and their user
 * name too for the first signature of a session, 11.200(a)(1)); the signature keeps the printed
 * name, UTC time and meaning (11.50) and the exact content signed (11.70), and is written to the
 * audit trail. A later change of signed data invalidates it ({@link SignatureLinks}).
 */
@Stateless
public class SignatureService {

    @Inject
    private CasebookRepository casebook;
    @Inject
    private IntegrityRepository integrity;
    @Inject
    private IntegrityGuard guard;
    @Inject
    private AuthenticationService authentication;
    @Inject
    private AuditTrail audit;
    @Inject
    private Event<SigningRequested> signingRequested;

    /**
     * A signing as the investigator asks for it.
     *
     * @param visitRef   the visit occurrence, for {@link SignatureScope#VISIT}
     * @param formDataId the form instance, for {@link SignatureScope#FORM}
     * @param username   the user name as re-entered, or null when the session already signed once
     */
    public record SignRequest(SignatureScope scope, long subjectId, Long visitRef, Long formDataId, SignatureMeaning meaning,
                              String username, char[] password, String sourceAddress) {
    }

    /** A signature with its check against the data now. */
    public record CheckedSignature(Signature signature, SignatureValidity validity) {
    }

    public Signature sign(SignRequest request) {
        Subject subject = subject(request.subjectId());
        guard.requireSigner(subject);
        List<FormData> forms = formsInScope(subject, request);
        guard.requireOpenForReview(subject, forms);
        List<FieldError> errors = new ArrayList<>();
        if (forms.isEmpty()) {
            errors.add(FieldError.of(null, "signature.error.nothingToSign"));
        }
        forms.stream().filter(f -> f.getState() != FormState.COMPLETE).findFirst()
                .ifPresent(f -> errors.add(FieldError.of(null, "signature.error.incomplete", f.key())));
        String scopeKey = scopeKey(subject, request.scope(), forms);
        boolean alreadySigned = integrity.signatures(subject.getId()).stream()
                .anyMatch(s -> s.isValid() && s.getScope() == request.scope() && s.getScopeKey().equals(scopeKey));
        if (alreadySigned) {
            errors.add(FieldError.of(null, "signature.error.alreadySigned", scopeKey));
        }
        if (request.meaning() == null) {
            errors.add(FieldError.of("meaning", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailure(errors);
        }
        signingRequested.fire(new SigningRequested(subject, request.scope(), List.copyOf(forms)));

        AppUser signer = guard.user().get();
        authenticate(signer, request);
        SignedContent content = content(subject, request.scope(), scopeKey, forms);
        Actor actor = guard.user().actor();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Long visitRef = request.scope() == SignatureScope.SUBJECT ? null
                : request.scope() == SignatureScope.VISIT ? request.visitRef() : forms.get(0).getVisitRef();
        Signature signature = new Signature(subject.getStudyId(), subject.getSiteId(), subject.getId(), request.scope(), visitRef,
                request.scope() == SignatureScope.FORM ? forms.get(0).getId() : null, scopeKey,
                new Signature.Signer(signer.getId(), signer.getUsername(), signer.getFullName(), actor.role()), now,
                request.meaning(), content);
        integrity.add(signature);
        integrity.flush();
        audit.record(actor, AuditEntry.of("SIGN", "SIGNATURE", signature.getId())
                .study(subject.getStudyId(), subject.getSiteId()).subject(subject.getId(), subject.getSubjectNumber())
                .location(visitKey(request.scope(), forms), request.scope() == SignatureScope.FORM ? forms.get(0).key() : null, null)
                .values(null, signature.manifestation()).source(AuditSource.FORM, "electronic signature"));
        return signature;
    }

    private void authenticate(AppUser signer, SignRequest request) {
        if (request.username() != null && !request.username().trim().equalsIgnoreCase(signer.getUsername())) {
            // Someone else's user name: never a signature on behalf of another person (11.200(a)(2)).
            throw new ValidationFailure(FieldError.of("username", "signature.error.notYou"));
        }
        char[] password = request.password() == null ? new char[0] : request.password();
        AuthenticationResult result = authentication.reauthenticate(signer.getUsername(), password, request.sourceAddress());
        if (result.status() == AuthenticationResult.Status.LOCKED) {
            throw new ValidationFailure(FieldError.of("password", "signature.error.locked"));
        }
        if (!result.succeeded()) {
            throw new ValidationFailure(FieldError.of("password", "signature.error.password"));
        }
    }

    /** The subject's signatures, newest first, each checked against the data now. */
    public List<CheckedSignature> signatures(long subjectId) {
        Subject subject = subject(subjectId);
        return check(subject, integrity.signatures(subjectId));
    }

    /** The signatures whose scope includes a form (its own, its visit's, the casebook's), newest first, checked. */
    public List<CheckedSignature> signaturesOf(long formDataId) {
        FormData form = casebook.form(formDataId).orElseThrow(() -> notFound("form"));
        Subject subject = subject(form.getSubjectId());
        return check(subject, integrity.signaturesCovering(form));
    }

    public boolean canSign(long subjectId) {
        return guard.canSign(subject(subjectId));
    }

    private List<CheckedSignature> check(Subject subject, List<Signature> signatures) {
        List<CheckedSignature> checked = new ArrayList<>();
        Map<Long, List<ItemData>> items = new HashMap<>();
        for (Signature signature : signatures) {
            SignedContent signed = signature.signedContent(subject.getSubjectNumber());
            SignatureValidity validity;
            if (!signature.isValid()) {
                validity = SignatureValidity.of(signature.getStatus(), signature.getInvalidatedItem(), signed, signed);
            } else {
                List<FormData> forms = formsOf(subject, signature);
                SignedContent now = content(subject, signature.getScope(), signature.getScopeKey(), forms, items);
                validity = SignatureValidity.of(signature.getStatus(), null, signed, now);
            }
            checked.add(new CheckedSignature(signature, validity));
        }
        return checked;
    }

    private List<FormData> formsOf(Subject subject, Signature signature) {
        return switch (signature.getScope()) {
            case SUBJECT -> casebook.forms(subject.getId());
            case VISIT -> casebook.forms(subject.getId()).stream().filter(f -> f.getVisitRef().equals(signature.getVisitRef())).toList();
            case FORM -> casebook.form(signature.getFormRef()).map(List::of).orElse(List.of());
        };
    }

    private List<FormData> formsInScope(Subject subject, SignRequest request) {
        return switch (request.scope()) {
            case SUBJECT -> casebook.forms(subject.getId());
            case VISIT -> {
                Visit visit = casebook.visit(Objects.requireNonNull(request.visitRef(), "visitRef"))
                        .filter(v -> v.getSubjectId().equals(subject.getId())).orElseThrow(() -> notFound("visit"));
                yield casebook.forms(subject.getId()).stream().filter(f -> f.getVisitRef().equals(visit.getId())).toList();
            }
            case FORM -> List.of(casebook.form(Objects.requireNonNull(request.formDataId(), "formDataId"))
                    .filter(f -> f.getSubjectId().equals(subject.getId())).orElseThrow(() -> notFound("form")));
        };
    }

    private String scopeKey(Subject subject, SignatureScope scope, List<FormData> forms) {
        return switch (scope) {
            case SUBJECT -> subject.getSubjectNumber();
            case VISIT -> forms.isEmpty() ? subject.getSubjectNumber() : visitKeyOf(forms.get(0));
            case FORM -> location(forms.get(0));
        };
    }

    private String visitKey(SignatureScope scope, List<FormData> forms) {
        return scope == SignatureScope.SUBJECT || forms.isEmpty() ? null : visitKeyOf(forms.get(0));
    }

    private String visitKeyOf(FormData form) {
        return casebook.visit(form.getVisitRef()).map(Visit::key).orElseThrow();
    }

    /** The visit and form keys of a form instance, e.g. {@code baseline[1]/labs[1]}. */
    String location(FormData form) {
        return visitKeyOf(form) + "/" + form.key();
    }

    SignedContent content(Subject subject, SignatureScope scope, String scopeKey, List<FormData> forms) {
        return content(subject, scope, scopeKey, forms, new HashMap<>());
    }

    private SignedContent content(Subject subject, SignatureScope scope, String scopeKey, List<FormData> forms,
                                  Map<Long, List<ItemData>> cache) {
        List<SignedItem> items = new ArrayList<>();
        for (FormData form : forms.stream().sorted(Comparator.comparing(FormData::getId)).toList()) {
            String location = location(form);
            for (ItemData item : cache.computeIfAbsent(form.getId(), casebook::items)) {
                items.add(new SignedItem(form.getId(), location, item.key(), item.getId(), item.getVersion(),
                        SignedContent.valueDigest(item.display(), item.getEnteredValue(), item.getEnteredUnit())));
            }
        }
        return new SignedContent(subject.getSubjectNumber(), scope, scopeKey, items);
    }

    private Subject subject(long subjectId) {
        Subject subject = casebook.subject(subjectId).orElseThrow(() -> notFound("subject"));
        guard.user().requireSite(subject.getStudyId(), subject.getSiteId());
        return subject;
    }

    private static ValidationFailure notFound(String what) {
        return new ValidationFailure(FieldError.of(null, "casebook.notFound", what));
    }
}
