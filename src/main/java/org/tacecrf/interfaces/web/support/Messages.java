package org.tacecrf.interfaces.web.support;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;

import org.tacecrf.application.common.FieldError;
import org.tacecrf.application.common.ValidationFailure;

/**
 * Faces messages from the resource bundle. Field errors from services are attached to the input
 * whose id matches the field name, so they appear where the value was entered.
 */
public final class Messages {

    public static final String BUNDLE = "org.tacecrf.i18n.messages";

    private Messages() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.ENGLISH;
        return text(locale, key, arguments);
    }

    public static String text(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public static void info(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, key, arguments);
    }

    public static void warn(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_WARN, key, arguments);
    }

    public static void error(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, key, arguments);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String key, Object... arguments) {
        String text = text(key, arguments);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }

    /** Shows each field error at its input when one with that id is on the page, else globally. */
    public static void show(ValidationFailure failure) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (FieldError error : failure.errors()) {
            String clientId = findClientId(context, error.field());
            error(clientId, error.messageKey(), error.arguments().toArray());
        }
    }

    private static String findClientId(FacesContext context, String field) {
        if (field == null || context.getViewRoot() == null) {
            return null;
        }
        UIComponent[] found = new UIComponent[1];
        context.getViewRoot().visitTree(jakarta.faces.component.visit.VisitContext.createVisitContext(context), (visit, component) -> {
            if (field.equals(component.getId()) && component instanceof jakarta.faces.component.EditableValueHolder) {
                found[0] = component;
                return jakarta.faces.component.visit.VisitResult.COMPLETE;
            }
            return jakarta.faces.component.visit.VisitResult.ACCEPT;
        });
        return found[0] == null ? null : found[0].getClientId(context);
    }
}
