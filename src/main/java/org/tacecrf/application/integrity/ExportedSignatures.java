package org.tacecrf.application.integrity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.tacecrf.application.exchange.FormSignatures;
import org.tacecrf.domain.exchange.OdmSignature;
import org.tacecrf.infrastructure.persistence.IntegrityRepository;
import org.tacecrf.model.integrity.Signature;

/**
 * The signatures the ODM export writes: for each form, the latest signature over it that is still
 * valid, whether the investigator signed the form, its visit or the whole casebook. An invalidated
 * signature (the data changed after signing) is never exported as if it still held.
 */
@ApplicationScoped
public class ExportedSignatures implements FormSignatures {

    @Inject
    private IntegrityRepository integrity;

    @Override
    public Map<Long, OdmSignature> latestValid(Collection<Long> formDataIds) {
        Map<Long, OdmSignature> signatures = new LinkedHashMap<>();
        integrity.latestValidSignatures(formDataIds).forEach((formId, s) -> signatures.put(formId, odm(formId, s)));
        return signatures;
    }

    private static OdmSignature odm(long formId, Signature s) {
        return new OdmSignature(formId, s.getSignerUsername(), s.getSignedAt(), s.getMeaning().odmMeaning(), s.getMeaningText());
    }
}
