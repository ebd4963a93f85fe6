package org.tacecrf.domain.response;

/** Serum tumour markers followed in the seed studies, with their usual units. */
public enum TumourMarker {
    AFP("Alpha-fetoprotein", "ng/mL"),
    PIVKA_II("PIVKA-II (des-gamma-carboxy prothrombin)", "mAU/mL"),
    CEA("Carcinoembryonic antigen", "ng/mL"),
    CA_125("CA-125", "U/mL"),
    CA19_9("CA19-9", "U/mL");

    private final String label;
    private final String unit;

    TumourMarker(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
