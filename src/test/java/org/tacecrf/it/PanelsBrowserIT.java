package org.tacecrf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.tacecrf.it.support.Browser;
import org.tacecrf.it.support.Deployments;
import org.tacecrf.it.support.Flows;

/**
 * One patient through the form panels, as a research nurse sees them: derived values on the
 * baseline (with the suggested BCLC stage, and the warning before leaving unsaved input, kept after a
 * save the server refuses) and two TACE sessions (BMI, Child-Pugh, ALBI, session numbers, days between sessions,
 * cumulative dose); the baseline lesion selection with its rules; two follow-up lesion tables with
 * both criteria live, ending in progression; and an adverse event recorded from a laboratory
 * proposal after the first session (another proposal rejected); the second reader's assessments,
 * another treatment classed against the first TACE, and the casebook's derived summary.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PanelsBrowserIT {

    @ArquillianResource
    private URL base;
    private static Browser browser;
    private static String casebookUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void shotOnFailure(TestInfo info) {
        if (browser != null) {
            browser.debugShot("panels-" + info.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    private Browser browser() {
        if (browser == null) {
            browser = new Browser(base);
            browser.login("nurse", "nurse-demo-2024");
        }
        return browser;
    }

    @Test
    @Order(1)
    void baselineAndTwoSessionsShowTheirDerivedValues() {
        Browser b = browser();
        casebookUrl = enrol(b);
        Flows.openForm(b, "baseline", "Baseline");
        choose(b, "sex", "Male");
        b.type(Flows.item("height"), "170");
        b.type(Flows.item("weight"), "70");
        choose(b, "ascites", "None");
        choose(b, "encephalopathy", "None");
        date(b, Flows.item("lab_date"), "2024-03-01");
        b.type(Flows.item("alt"), "40");
        b.type(Flows.item("ast"), "35");
        b.type(Flows.item("albumin"), "42");
        b.type(Flows.item("total_bilirubin"), "17");
        b.type(Flows.item("inr"), "1.1");
        b.click(Flows.item("weight"));
        b.waitForAjax();
        // 70 kg / 1.70 m squared; bilirubin 17, albumin 42, INR 1.1, no ascites or encephalopathy.
        b.waitForText(Flows.itemCell("bmi"), "24.2");
        b.waitForText(Flows.itemCell("child_pugh_points"), "5");
        b.waitForText(Flows.itemCell("child_pugh_class"), "A (5-6 points)");
        b.waitForText(Flows.itemCell("albi_grade"), "Grade 1");
        // ECOG 0, a single 50 mm nodule, no vascular invasion or spread, Child-Pugh A: BCLC A (2022 step 4).
        choose(b, "ecog", "0 - fully active, no restriction");
        b.type(Flows.item("lesion_count"), "1");
        b.type(Flows.item("largest_diameter_mm"), "50");
        choose(b, "macrovascular_invasion", "No");
        choose(b, "extrahepatic_spread", "None");
        b.waitForText(Flows.itemCell("bclc_suggested"), "A - early");

        // Unsaved input warns before leaving; a save refused at a field keeps the warning.
        assertThat(leavingWarns(b)).as("unsaved input").isTrue();
        b.type(Flows.item("weight"), "700");
        Flows.saveDraft(b);
        b.waitVisible(By.cssSelector("[data-item$='[1].weight'] .item-error"));
        assertThat(leavingWarns(b)).as("input refused by the server").isTrue();
        b.type(Flows.item("weight"), "70");
        b.click(Flows.item("height"));
        b.waitForAjax();
        b.waitForText(Flows.itemCell("bmi"), "24.2");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        assertThat(fieldErrors(b)).isEmpty();
        assertThat(leavingWarns(b)).as("input saved").isFalse();
        b.waitForText(Flows.itemCell("bclc_suggested"), "A - early");
        show(b, Flows.itemCell("child_pugh_class"));
        b.screenshot("baseline-derived");

        session(b, 1, "2024-03-05", "60");
        b.waitForText(fact("session"), "1");
        b.waitForText(fact("interval"), "first session");
        b.waitForText(fact("dose"), "60 mg");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        b.waitForText(Flows.itemCell("session_number"), "1");

        session(b, 2, "2024-04-16", "40");
        b.waitForText(fact("session"), "2");
        b.waitForText(fact("interval"), "42 days");
        b.waitForText(fact("dose"), "100 mg");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        b.waitForText(Flows.itemCell("days_since_previous"), "42");
        b.waitForText(Flows.itemCell("session_number"), "2");
        show(b, By.id("entry:exposure"));
        b.screenshot("tace-session-exposure");
    }

    private static String enrol(Browser b) {
        try {
            return Flows.screenAndEnrol(b, "2024-03-01", "2024-03-02");
        } catch (org.openqa.selenium.TimeoutException e) {
            // On a busy machine the enrolment dialog can lose the first date typed while it opens: enter it again.
            date(b, By.id("enrolForm:consentDate_input"), "2024-03-01");
            b.click(By.id("enrolForm:confirm"));
            b.waitForText(By.tagName("h1"), "Casebook");
            return b.driver().getCurrentUrl();
        }
    }

    /** Adds a TACE session from the casebook and fills its procedure and one microsphere row. */
    private void session(Browser b, int number, String date, String doseMg) {
        b.driver().get(casebookUrl);
        b.click(By.cssSelector("button[data-visit='tace']"));
        b.waitForAjax();
        By cell = By.cssSelector("tr[data-visit='tace'][data-repeat='" + number + "'] a.cell[href*='form=tace_session']");
        b.click(cell);
        b.waitForText(By.tagName("h1"), "TACE session");
        date(b, Flows.item("procedure_date"), date);
        b.waitForAjax();
        choose(b, "technique", "DEB-TACE (drug-eluting microspheres)");
        choose(b, "technical_success", "Yes");
        choose(b, "product", "CalliSpheres");
        choose(b, "size_range", "100-300 µm");
        choose(b, "drug", "Irinotecan");
        b.type(Flows.item("dose_loaded_mg"), doseMg);
        b.click(Flows.item("drug_volume_ml"));
        b.waitForAjax();
    }

    private static By fact(String name) {
        return By.cssSelector("#entry\\:exposure [data-fact='" + name + "']");
    }

    @Test
    @Order(2)
    void baselineLesionsAreCheckedAgainstTheSelectionRules() {
        Browser b = browser();
        b.driver().get(casebookUrl);
        b.click(By.cssSelector("tr[data-visit='baseline'] a.cell[href*='form=baseline_imaging']"));
        b.waitForText(By.tagName("h1"), "Baseline imaging");
        date(b, Flows.item("imaging_date"), "2024-03-01");
        choose(b, "modality", "Contrast-enhanced CT");
        lesion(b, 1, "T01", "Target", "50", "40");
        b.click(By.cssSelector("[data-group='lesions'] [id$=':addRow']"));
        b.waitForAjax();
        // Too small for a target: the panel says so at once, and marking complete is refused at the field.
        lesion(b, 2, "T02", "Target", "8", "6");
        b.click(By.cssSelector("[data-group='lesions'] [id$=':addRow']"));
        b.waitForAjax();
        b.type(rowItem(3, "lesion_id"), "NT01");
        choose(b, By.cssSelector("[data-item='lesions[3].lesion_role']"), "Non-target");
        choose(b, By.cssSelector("[data-item='lesions[3].organ']"), "Liver");
        b.waitForText(By.id("entry:selectionPanel"), "T02 has a longest diameter of 8 mm");
        show(b, By.id("entry:selectionPanel"));
        b.screenshot("baseline-lesion-selection");
        b.click(By.id("entry:complete"));
        b.waitForAjax();
        b.waitForText(By.cssSelector("[data-item='lesions[2].longest_diameter_mm']"), "at least 10 mm");
        assertThat(b.pageText()).contains("Not saved");

        b.type(rowItem(2, "longest_diameter_mm"), "30");
        b.type(rowItem(2, "viable_diameter_mm"), "25");
        b.click(rowItem(1, "lesion_id"));
        b.waitForText(By.id("entry:selectionPanel"), "The selection meets the rules");
        b.click(By.id("entry:complete"));
        b.waitForAjax();
        assertThat(fieldErrors(b)).isEmpty();
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "complete");
        b.waitForText(Flows.itemCell("sum_viable_mm"), "65");
    }

    private void lesion(Browser b, int row, String id, String role, String ldMm, String viableMm) {
        b.type(rowItem(row, "lesion_id"), id);
        choose(b, By.cssSelector("[data-item='lesions[" + row + "].lesion_role']"), role);
        choose(b, By.cssSelector("[data-item='lesions[" + row + "].organ']"), "Liver");
        b.type(rowItem(row, "longest_diameter_mm"), ldMm);
        b.type(rowItem(row, "viable_diameter_mm"), viableMm);
        choose(b, By.cssSelector("[data-item='lesions[" + row + "].arterial_enhancement']"), "Yes");
        b.waitForAjax();
    }

    private static By rowItem(int row, String itemId) {
        return By.cssSelector("[data-item='lesions[" + row + "]." + itemId + "'] input");
    }

    @Test
    @Order(3)
    void twoFollowUpsInTheLesionTableEndInProgression() {
        Browser b = browser();
        followUp(b, 1, "2024-04-10");
        // T01 45/20 mm, T02 28/10 mm: viable sum 65 -> 30 mm is mRECIST PR; LD sum 80 -> 73 mm is RECIST SD.
        measure(b, "T01", "45", "20");
        measure(b, "T02", "28", "10");
        nonTarget(b, "NT01");
        b.waitForText(result("sum", "MRECIST"), "30 mm");
        b.waitForText(result("sum", "RECIST_1_1"), "73 mm");
        b.waitForText(result("changeFromBaseline", "MRECIST"), "-53.8 %");
        b.waitForText(result("overall", "MRECIST"), "Partial response");
        b.waitForText(result("overall", "RECIST_1_1"), "Stable disease");
        show(b, By.id("entry:lesionTable"));
        b.screenshot("lesion-table-follow-up");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");

        followUp(b, 2, "2024-05-20");
        assertThat(b.driver().findElement(By.cssSelector("tr[data-lesion='T01']")).getText()).contains("LD 45 · viable 20");
        measure(b, "T01", "55", "40");
        b.waitForText(result("sum", "MRECIST"), "40 mm (1 of 2 targets)");
        measure(b, "T02", "35", "20");
        nonTarget(b, "NT01");
        // Viable sum 60 mm against the nadir of 30 (+100 %), LD sum 90 against 73 (+23 %, +17 mm): PD by both.
        b.waitForText(result("changeFromNadir", "MRECIST"), "+100.0 %");
        b.waitForText(result("absoluteChange", "RECIST_1_1"), "+17 mm");
        b.waitForText(result("overall", "MRECIST"), "Progressive disease");
        b.waitForText(result("overall", "RECIST_1_1"), "Progressive disease");
        show(b, By.id("entry:imagingResults"));
        b.screenshot("lesion-table-progression");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        b.waitForText(Flows.itemCell("mrecist_derived"), "Progressive disease");
    }

    private void followUp(Browser b, int number, String date) {
        followUp(b, number, date, "First reader");
    }

    /** Adds the follow-up visit with the first reader's assessment, or adds another reader's to it. */
    private void followUp(Browser b, int number, String date, String reader) {
        b.driver().get(casebookUrl);
        boolean first = reader.equals("First reader");
        if (first) {
            b.click(By.cssSelector("button[data-visit='response']"));
            b.waitForAjax();
        }
        b.click(By.cssSelector("tr[data-visit='response'][data-repeat='" + number + "'] " + (first ? "a.cell" : "a.cell-add")
                + "[href*='form=imaging_assessment']"));
        b.waitForText(By.tagName("h1"), "Tumour response assessment");
        date(b, Flows.item("assessment_date"), date);
        b.waitForAjax();
        choose(b, "modality", "Contrast-enhanced CT");
        choose(b, "reader", reader);
        choose(b, "new_lesions_found", "No");
        // A line per baseline lesion, its lesion id already on the form.
        b.waitVisible(By.cssSelector("tr[data-lesion='T01']"));
        assertThat(b.driver().findElements(By.cssSelector("tr.lesion-line"))).hasSize(3);
    }

    private void measure(Browser b, String lesion, String ldMm, String viableMm) {
        b.type(By.cssSelector("tr[data-lesion='" + lesion + "'] input[id$=':ld']"), ldMm);
        By viable = By.cssSelector("tr[data-lesion='" + lesion + "'] input[id$=':viable']");
        b.type(viable, viableMm);
        b.driver().findElement(viable).sendKeys(org.openqa.selenium.Keys.TAB);
        b.waitForAjax();
        b.waitForText(By.cssSelector("tr[data-lesion='" + lesion + "'] [id$=':statusCell']"), "Measured");
    }

    private void nonTarget(Browser b, String lesion) {
        WebElement menu = b.driver().findElement(By.cssSelector("tr[data-lesion='" + lesion + "'] .ui-selectonemenu"));
        b.selectOne(menu.getAttribute("id"), "Present");
        b.waitVisible(By.cssSelector("tr[data-lesion='" + lesion + "'] .lesion-enhancement"));
        b.click(b.driver().findElement(By.cssSelector("tr[data-lesion='" + lesion + "'] .lesion-enhancement"))
                .findElement(By.xpath(".//label[normalize-space()='No']")));
        b.waitForAjax();
    }

    private static By result(String measure, String criteria) {
        return By.cssSelector("#entry\\:imagingResults tr[data-measure='" + measure + "'] td[data-criteria='" + criteria + "']");
    }

    @Test
    @Order(4)
    void anAdverseEventIsRecordedFromALaboratoryProposal() {
        Browser b = browser();
        b.driver().get(casebookUrl);
        b.click(By.cssSelector("tr[data-visit='tace'][data-repeat='1'] a.cell[href*='form=post_labs']"));
        b.waitForText(By.tagName("h1"), "Laboratory tests after the procedure");
        b.type(Flows.item("hours_after_procedure"), "24");
        date(b, Flows.item("lab_date"), "2024-03-06");
        // Baseline ALT 40 and AST 35 were normal (ULN 50 and 40 for men): 3.2 and 3.75 x ULN are grade 2.
        b.type(Flows.item("alt"), "160");
        b.type(Flows.item("ast"), "150");
        b.type(Flows.item("albumin"), "41");
        Flows.saveDraft(b);
        b.waitForText(By.id("entry:labProposals"), "Alanine aminotransferase increased, grade 2");
        assertThat(b.driver().findElement(By.cssSelector("tr[data-lab='albumin']")).getAttribute("data-state")).isEqualTo("NO_EVENT");
        show(b, By.id("entry:labProposals"));
        b.screenshot("lab-proposals");
        // The casebook lists what is still to be decided, with the way back to the form.
        b.driver().get(casebookUrl);
        b.waitForText(By.id("labProposals"), "Alanine aminotransferase increased, grade 2 (160 U/L after TACE session 1)");
        assertThat(b.driver().findElement(By.id("labProposals")).getText()).contains("Aspartate aminotransferase increased");
        b.click(By.cssSelector("#labProposals li[data-lab='alt'] a"));
        b.waitForText(By.tagName("h1"), "Laboratory tests after the procedure");
        b.waitForText(By.cssSelector("tr[data-lab='alt']"), "Record adverse event");

        b.type(By.cssSelector("tr[data-lab='ast'] input[id$=':reason']"), "Transient, expected after embolisation");
        b.click(By.cssSelector("tr[data-lab='ast'] button[id$=':reject']"));
        b.waitForText(By.cssSelector("tr[data-lab='ast']"), "Rejected by nurse");
        b.click(By.cssSelector("tr[data-lab='alt'] button[id$=':accept']"));
        b.waitForText(By.cssSelector("tr[data-lab='alt']"), "Accepted by nurse");

        b.click(By.id("entry:openAccepted"));
        b.waitForText(By.tagName("h1"), "Adverse event");
        b.waitForText(By.id("entry:aeGrade"), "Alanine aminotransferase increased defines grades 1, 2, 3, 4");
        WebElement grade = b.driver().findElement(By.cssSelector("#entry\\:aeGrade input[type=radio][value='2']"));
        assertThat(grade.isSelected()).isTrue();
        assertThat(b.driver().findElements(By.cssSelector("#entry\\:aeGrade input[type=radio]"))).hasSize(4);
        assertThat(b.driver().findElement(By.id("entry:sessionChoice_input")).getAttribute("value")).isEqualTo("1");
        assertThat(b.driver().findElement(Flows.item("ae_onset_date")).getAttribute("value")).isEqualTo("2024-03-06");
        // A serious event shows its reporting deadline at once.
        choose(b, "ae_serious", "Yes");
        b.waitForText(By.id("entry:saeStatus"), "Overdue");
        show(b, By.id("entry:saeStatus"));
        b.screenshot("adverse-event-from-lab");
        // Saved, the unreported serious event waits on the home page and in the reports.
        Flows.saveDraft(b);
        b.open("/app/home.xhtml");
        b.waitForText(By.id("seriousEvents"), "Alanine aminotransferase increased");
        assertThat(b.driver().findElement(By.id("seriousEvents")).getText()).contains("Overdue").contains("2024-03-07");
        b.open("/app/reports.xhtml");
        b.click(By.xpath("//*[contains(@class, 'ui-tabs-header')]//a[contains(., 'Serious adverse events')]"));
        b.waitForText(By.id("reports:tabs:seriousEvents"), "Alanine aminotransferase increased");
        assertThat(b.driver().findElement(By.id("reports:tabs:seriousEvents")).getText()).contains("Overdue");

        b.driver().get(casebookUrl);
        assertThat(b.driver().findElements(By.id("labProposals"))).isEmpty();
    }

    /**
     * Whether leaving the page now would ask the user to confirm: the page's beforeunload handler
     * cancels the event (what makes the browser show its "leave site?" dialog).
     */
    private static boolean leavingWarns(Browser b) {
        return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented;"));
    }

    @Test
    @Order(5)
    void theCasebookSummaryRetellsTheCourseAndClassesAnotherTreatment() {
        Browser b = browser();
        // The study reads every scan twice: the second reader agrees with the first at both follow-ups.
        followUp(b, 1, "2024-04-10", "Second reader");
        measure(b, "T01", "45", "20");
        measure(b, "T02", "28", "10");
        nonTarget(b, "NT01");
        b.waitForText(result("overall", "MRECIST"), "Partial response");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        followUp(b, 2, "2024-05-20", "Second reader");
        measure(b, "T01", "55", "40");
        measure(b, "T02", "35", "20");
        nonTarget(b, "NT01");
        b.waitForText(result("overall", "MRECIST"), "Progressive disease");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");

        // Sorafenib started before the first TACE (2024-03-05) and still taken: concomitant, on the form.
        b.driver().get(casebookUrl);
        b.click(By.cssSelector("tr[data-visit='logs'] a.cell[href*='form=other_treatment']"));
        b.waitForText(By.tagName("h1"), "Other anticancer treatment");
        choose(b, "category", "Targeted therapy");
        b.waitForAjax();
        text(b, Flows.item("agent"), "Sorafenib");
        text(b, Flows.item("therapy_line"), "1");
        date(b, Flows.item("start_date"), "2024-03-01");
        choose(b, "ongoing", "Yes");
        date(b, Flows.item("modification_date"), "2024-04-14");
        choose(b, "modification_type", "Interrupted");
        choose(b, "modification_reason", "Held around a procedure (e.g. TACE)");
        Flows.saveDraft(b);
        b.waitForText(By.cssSelector(".ui-growl, #messages"), "Saved");
        b.waitForText(Flows.itemCell("timing"), "Concomitant (running on the day of the first TACE)");
        show(b, Flows.itemCell("timing"));
        b.screenshot("other-treatment-timing");

        b.driver().get(casebookUrl);
        b.waitForText(summaryFact("firstTace"), "2024-03-05");
        b.waitForText(summaryFact("sessions"), "2");
        b.waitForText(summaryFact("lastAdequate-MRECIST"), "2024-05-20");
        b.waitForText(summaryFact("firstProgression-MRECIST"), "2024-05-20");
        // Progression 76 days after the first TACE; alive at the last visit.
        b.waitForText(summaryFact("PFS"), "2.5 months, event");
        b.waitForText(summaryFact("TTP"), "2.5 months, event");
        b.waitForText(summaryFact("OS"), "censored");
        b.waitForText(By.cssSelector("#derived tr[data-fact^='treatment-']"), "Other treatment: Sorafenib");
        assertThat(b.driver().findElement(By.cssSelector("#derived tr[data-fact^='treatment-']")).getText())
                .contains("Concomitant (running on the day of the first TACE)").contains("and ongoing");
        show(b, By.id("derived"));
        b.screenshot("casebook-summary");
    }

    private static By summaryFact(String key) {
        return By.cssSelector("#derived tr[data-fact='" + key + "']");
    }

    /** Messages at fields, with their item, to say why a save was refused. */
    private static List<String> fieldErrors(Browser b) {
        return b.driver().findElements(By.cssSelector("[data-item]:has(.item-error)")).stream()
                .map(e -> e.getAttribute("data-item") + ": " + e.findElement(By.cssSelector(".item-error")).getText()).toList();
    }

    /** Types a date, again if the page was still busy (an update replaced the input meanwhile). */
    private static void date(Browser b, By by, String iso) {
        for (int attempt = 1; ; attempt++) {
            try {
                b.waitForAjax();
                b.typeDate(by, iso);
                b.waitForAjax();
                if (iso.equals(b.driver().findElement(by).getAttribute("value"))) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.ElementNotInteractableException e) {
                if (attempt == 3) {
                    throw e;
                }
                // The page is still being rebuilt (a busy machine): give it time before the next try.
                b.waitVisible(by);
            }
            if (attempt == 3) {
                throw new AssertionError("the date " + iso + " was not taken by " + by);
            }
        }
    }

    /** Types a text, again if leaving the previous field updated the form and replaced the input meanwhile. */
    private static void text(Browser b, By by, String text) {
        for (int attempt = 1; ; attempt++) {
            try {
                b.waitForAjax();
                b.type(by, text);
                b.waitForAjax();
                if (text.equals(b.driver().findElement(by).getAttribute("value"))) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.ElementNotInteractableException e) {
                // The input was replaced, or is being shown, by the form's update after the previous field.
                if (attempt == 3) {
                    throw e;
                }
            }
            if (attempt == 3) {
                throw new AssertionError("the text " + text + " was not taken by " + by);
            }
        }
    }

    /** Scrolls an element to the top of the window, below the sticky header, for a screenshot. */
    private static void show(Browser b, By by) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                "arguments[0].scrollIntoView({block:'start'}); window.scrollBy(0, -110);", b.waitVisible(by));
    }

    /** Chooses an entry of a coded item (radio buttons or a menu) by its label, in the item's first row. */
    private static void choose(Browser b, String itemId, String label) {
        choose(b, Flows.itemCell(itemId), label);
    }

    private static void choose(Browser b, By cellSelector, String label) {
        WebElement cell = b.waitVisible(cellSelector);
        List<WebElement> menus = cell.findElements(By.cssSelector(".ui-selectonemenu"));
        if (!menus.isEmpty()) {
            b.selectOne(menus.get(0).getAttribute("id"), label);
            return;
        }
        b.click(cell.findElement(By.xpath(".//label[normalize-space()=\"" + label + "\"]")));
        b.waitForAjax();
    }
}
