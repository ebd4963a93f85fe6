package org.tacecrf.application.exchange;

import java.util.Collection;
import java.util.Map;

import org.tacecrf.domain.exchange.OdmSignature;

/**
 * Where the ODM export finds electronic signatures of forms. The signature records belong to the
 * signing module; when it provides a bean of this type, exports write each form's latest valid
 * signature (and its meaning as a {@code SignatureDef}); while no bean exists, ODM files carry no
 * signatures.
 */
public interface FormSignatures {

    /** The latest valid signature of each given form instance that has one, by form instance id. */
    Map<Long, OdmSignature> latestValid(Collection<Long> formDataIds);
}
