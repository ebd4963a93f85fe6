package org.tacecrf.interfaces.web;

import java.io.Serializable;
import java.util.Locale;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** What the user chose for this session: the study they work in and the language. */
@Named
@SessionScoped
public class UserSession implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private String studyId;
    private Locale locale;

    public String getStudyId() {
        return studyId;
    }

    public void setStudyId(String studyId) {
        this.studyId = studyId;
    }

    public Locale getLocale() {
        if (locale == null) {
            FacesContext context = FacesContext.getCurrentInstance();
            Locale requested = context == null ? Locale.ENGLISH : context.getExternalContext().getRequestLocale();
            locale = requested != null && "zh".equals(requested.getLanguage()) ? CHINESE : Locale.ENGLISH;
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().toLanguageTag();
    }

    public void setLanguage(String tag) {
        this.locale = "zh-CN".equals(tag) ? CHINESE : Locale.ENGLISH;
    }
}
