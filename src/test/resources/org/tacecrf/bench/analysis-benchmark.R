# The statistics of the study tables in R, on the subject-level data the Java benchmark wrote, timed
# step by step: baseline tests, response tables, survival, Cox models, adverse events, and a Cox
# model on 100,000 rows x 10 covariates. Called by org.tacecrf.bench.AnalysisBenchmark:
#   Rscript analysis-benchmark.R <dir with subjects.csv, events.csv, cox.csv>
# Prints "time <step> <seconds>" and "check <name> <value>" lines.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
timed <- function(name, expr) {
  t <- system.time(value <- force(expr))[["elapsed"]]
  cat(sprintf("time %s %.3f\n", name, t))
  invisible(value)
}
quiet <- function(expr) suppressWarnings(expr)

d <- timed("read", read.csv(file.path(dir, "subjects.csv"), stringsAsFactors = FALSE, na.strings = ""))
ev <- read.csv(file.path(dir, "events.csv"), stringsAsFactors = FALSE, na.strings = "")
arm <- factor(d$arm)

timed("baseline", {
  for (v in c("age", "diameter")) t.test(d[[v]] ~ arm, var.equal = TRUE)
  for (v in c("sex", "aetiology", "cirrhosis", "tumour_number_level", "vascular", "extrahepatic", "ecog",
              "child_pugh", "bclc", "afp_level", "previous")) {
    tab <- table(d[[v]], arm)
    for (g in levels(arm)) prop.table(table(d[[v]][arm == g]))
    if (nrow(tab) > 1) quiet(chisq.test(tab, correct = FALSE))
  }
  aggregate(cbind(age, diameter) ~ arm, data = d, FUN = function(x) c(mean(x), sd(x)))
})

rank_of <- c(CR = 4, PR = 3, SD = 2, NON_CR_NON_PD = 2, PD = 1)
timed("response", {
  for (col in c("fu_1m_mrecist", "fu_3m_mrecist", "bor_mrecist")) {
    r <- d[[col]]
    keep <- !is.na(r)
    table(r[keep], arm[keep])
    x <- rank_of[r[keep]]
    wilcox.test(x ~ arm[keep], exact = FALSE, correct = FALSE)
    orr <- r[keep] %in% c("CR", "PR")
    dcr <- r[keep] %in% c("CR", "PR", "SD", "NON_CR_NON_PD")
    quiet(chisq.test(table(orr, arm[keep]), correct = FALSE))
    quiet(chisq.test(table(dcr, arm[keep]), correct = FALSE))
    for (g in levels(arm)) {
      n <- sum(keep & arm == g)
      binom.test(sum(orr[arm[keep] == g]), n)
      binom.test(sum(dcr[arm[keep] == g]), n)
    }
  }
})

lr <- NULL
timed("survival", {
  for (e in c("os", "ttp")) {
    t <- d[[paste0(e, "_months")]]; s <- d[[paste0(e, "_event")]]
    f <- survfit(Surv(t, s) ~ arm)
    summary(f, times = c(6, 12, 24), extend = TRUE)
    quantile(f, 0.5)
    survfit(Surv(t, s) ~ 1)
    p <- survdiff(Surv(t, s) ~ arm)$pvalue
    if (e == "os") lr <- p
  }
})
cat(sprintf("check os_logrank_p %.10g\n", lr))

hr <- NULL
timed("cox", {
  d$tumour_number_level <- relevel(factor(d$tumour_number_level), "le3")
  d$afp_level <- relevel(factor(d$afp_level), "le400")
  d$child_pugh <- relevel(factor(d$child_pugh), "A")
  d$bclc <- relevel(factor(d$bclc), "B")
  d$sex <- relevel(factor(d$sex), "F")
  d$treatment <- relevel(factor(d$treatment), "deb_tace")
  ecog <- as.numeric(d$ecog)
  terms <- c("age", "sex", "tumour_number_level", "vascular", "extrahepatic", "ecog", "child_pugh", "bclc",
             "afp_level", "treatment")
  d$ecog <- ecog
  chosen <- c()
  for (v in terms) {
    m <- coxph(as.formula(paste("Surv(os_months, os_event) ~", v)), data = d, ties = "breslow")
    p <- if (length(coef(m)) > 1) anova(m)[2, "Pr(>|Chi|)"] else summary(m)$coefficients[1, 5]
    if (!is.na(p) && p <= 0.05) chosen <- c(chosen, v)
  }
  if (length(chosen) > 0) {
    m <- coxph(as.formula(paste("Surv(os_months, os_event) ~", paste(chosen, collapse = " + "))), data = d,
               ties = "breslow")
  }
  u <- coxph(Surv(os_months, os_event) ~ treatment, data = d, ties = "breslow")
  hr <- exp(coef(u))[[1]]
})
cat(sprintf("check treatment_hr %.10g\n", hr))

timed("adverse_events", {
  ev$arm <- factor(ev$arm, levels = levels(arm))
  worst <- aggregate(grade ~ subject + arm + term, data = ev, FUN = max)
  treated <- table(factor(d$arm[d$treated == 1], levels = levels(arm)))
  for (term in unique(worst$term)) {
    w <- worst[worst$term == term, ]
    table(factor(w$grade, levels = 1:5), w$arm)
    any <- table(w$arm)
    quiet(chisq.test(rbind(any, treated - any), correct = FALSE))
  }
  per_session <- aggregate(grade ~ subject + session + arm + term, data = ev, FUN = max)
  table(per_session$term, per_session$grade, per_session$arm)
})

big <- timed("read_cox_100k", read.csv(file.path(dir, "cox.csv")))
fit <- timed("cox_100k", coxph(Surv(time, event) ~ ., data = big))
cat(sprintf("check cox_100k_x1 %.10g\n", coef(fit)[["x1"]]))
