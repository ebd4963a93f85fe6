package org.tacecrf.it.support;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Steps several browser tests share, written once. */
public final class Flows {

    private Flows() {
    }

    /**
     * Screens an eligible patient in the header's current study and enrols them; leaves the browser
     * on the new casebook and returns its address.
     */
    public static String screenAndEnrol(Browser b, String consentDate, String enrolmentDate) {
        b.open("/app/screening.xhtml");
        List<WebElement> criteria = b.driver().findElements(By.cssSelector("tr[data-criterion]"));
        for (WebElement row : criteria) {
            boolean inclusion = row.findElement(By.cssSelector(".criterion-kind")).getText().startsWith("Inclusion");
            b.click(row.findElements(By.cssSelector(".ui-radiobutton-box")).get(inclusion ? 0 : 1));
        }
        b.click(By.id("screen:save"));
        b.waitForAjax();
        b.waitForText(By.id("log:logTable"), "Eligible");
        b.click(By.cssSelector("[id$=':enrol']"));
        b.waitVisible(By.id("enrolForm:consentDate_input"));
        b.typeDate(By.id("enrolForm:consentDate_input"), consentDate);
        b.typeDate(By.id("enrolForm:enrolmentDate_input"), enrolmentDate);
        if (!b.driver().findElements(By.id("enrolForm:arm_input")).isEmpty()) {
            b.selectOne("enrolForm:arm", null);
        }
        b.click(By.id("enrolForm:confirm"));
        b.waitForText(By.tagName("h1"), "Casebook");
        return b.driver().getCurrentUrl();
    }

    /** Opens the first form cell of a visit row in the casebook the browser shows. */
    public static void openForm(Browser b, String visitId, String formTitle) {
        b.click(By.cssSelector("tr[data-visit=" + visitId + "] a.cell"));
        b.waitForText(By.tagName("h1"), formTitle);
    }

    /** The text input of an item on the form page, by item id (the first row of its group). */
    public static By item(String itemId) {
        return By.cssSelector("[data-item$='[1]." + itemId + "'] input");
    }

    public static By itemCell(String itemId) {
        return By.cssSelector("[data-item$='[1]." + itemId + "']");
    }

    /** Saves the form page as a draft and waits for the answer. */
    public static void saveDraft(Browser b) {
        b.click(By.id("entry:save"));
        b.waitForAjax();
    }
}
