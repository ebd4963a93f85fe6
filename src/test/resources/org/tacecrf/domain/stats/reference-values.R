# Reference values for the tests of org.tacecrf.domain.stats.
# Run with: Rscript reference-values.R   (R 4.2.2, survival 3.5-3; from Debian r-base-core, r-cran-survival)
# The tests hold the printed numbers; they never need R to run. Each test comment names the call used.
library(survival)
p <- function(label, x) cat(sprintf("%-64s %s\n", label, paste(sprintf("%.15g", x), collapse = ", ")))

## ---- Descriptives and contingency tables
# ---- descriptives
x <- c(2, 4, 4, 5, 7, 9, 10, 12, NA)
p("mean", mean(x, na.rm=TRUE)); p("sd", sd(x, na.rm=TRUE))
p("q type6", quantile(x, c(.25,.5,.75), type=6, na.rm=TRUE))
p("q type7", quantile(x, c(.25,.5,.75), type=7, na.rm=TRUE))
p("t.test(x)$conf.int", t.test(x)$conf.int)
p("lung age mean sd", c(mean(lung$age), sd(lung$age)))
p("lung age q6", quantile(lung$age, c(.25,.5,.75), type=6))
p("lung age q7", quantile(lung$age, c(.25,.5,.75), type=7))
p("lung wt.loss n missing", c(sum(!is.na(lung$wt.loss)), sum(is.na(lung$wt.loss))))
p("lung wt.loss q6", quantile(lung$wt.loss, c(.25,.5,.75), type=6, na.rm=TRUE))
p("lung wt.loss q7", quantile(lung$wt.loss, c(.25,.5,.75), type=7, na.rm=TRUE))
p("lung wt.loss mean sd", c(mean(lung$wt.loss, na.rm=T), sd(lung$wt.loss, na.rm=T)))
p("table(lung$ph.ecog, useNA)", table(lung$ph.ecog, useNA="ifany"))
# ---- contingency
t22 <- table(lung$sex, lung$status)
print(t22)
p("chisq.test(t22, correct=FALSE)", unlist(chisq.test(t22, correct=FALSE)[c("statistic","parameter","p.value")]))
p("chisq.test(t22)", unlist(chisq.test(t22)[c("statistic","parameter","p.value")]))
p("chisq expected", chisq.test(t22)$expected)
p("fisher.test(t22)$p.value", fisher.test(t22)$p.value)
E <- chisq.test(t22)$expected; p("G2 2x2", 2*sum(t22*log(t22/E)))
m24 <- matrix(c(8,14,15,8, 3,10,17,15), nrow=2, byrow=TRUE)
p("m24 chisq", unlist(chisq.test(m24)[c("statistic","parameter","p.value")]))
p("m24 fisher", system.time(f <- fisher.test(m24))[3]); p("m24 fisher p", f$p.value)
E <- chisq.test(m24)$expected; p("m24 G2", 2*sum(m24*log(m24/E)))
d <- data.frame(r=rep(row(m24), m24), c=rep(col(m24), m24)); p("m24 linear-by-linear", (nrow(d)-1)*cor(d$r,d$c)^2)
m33 <- matrix(c(12,10,6, 8,15,14, 5,12,18), nrow=3)
print(m33)
p("m33 chisq", unlist(chisq.test(m33)[c("statistic","parameter","p.value")]))
p("m33 fisher time", system.time(f <- fisher.test(m33))[3]); p("m33 fisher p", f$p.value)
E <- chisq.test(m33)$expected; p("m33 G2", 2*sum(m33*log(m33/E)))
d <- data.frame(r=rep(row(m33), m33), c=rep(col(m33), m33)); p("m33 linear-by-linear", (nrow(d)-1)*cor(d$r,d$c)^2)
tea <- matrix(c(3,1,1,3),2); p("tea fisher", fisher.test(tea)$p.value)
p("tea chisq correct=F", unlist(chisq.test(tea, correct=FALSE)[c("statistic","p.value")]))
p("tea chisq yates", unlist(chisq.test(tea)[c("statistic","p.value")]))
vt <- table(veteran$celltype, veteran$prior); print(vt)
p("veteran celltype x prior fisher", fisher.test(vt)$p.value)
p("veteran celltype x prior chisq", unlist(chisq.test(vt)[c("statistic","parameter","p.value")]))
m45 <- matrix(c(3,2,0,1,4, 2,5,3,1,0, 1,2,6,4,2, 0,1,3,5,6), nrow=4, byrow=TRUE); print(sum(m45))
p("m45 fisher time", system.time(f <- fisher.test(m45, workspace=2e8))[3]); p("m45 fisher p", f$p.value)
m2 <- matrix(c(5,3,2,1,4, 2,6,3,2,3, 1,2,7,4,1, 3,1,2,6,4, 2,3,1,3,8), 5, byrow=TRUE)
p("m2 5x5 fisher time", system.time(f <- fisher.test(m2, workspace=2e8))[3]); p("m2 5x5 fisher p", f$p.value)
# Not run (about 12 minutes in R): the 4 x 6 table the Java test expects to be refused as too large
# fisher.test(matrix(c(8,5,3,6,2,1, 4,9,7,3,8,2, 2,6,10,12,9,13, 3,4,8,9,7,10), nrow=4, byrow=TRUE), workspace=2e8)
mz <- matrix(c(5,0,3, 0,0,0, 2,0,7), nrow=3, byrow=TRUE)
p("zero row/col fisher", fisher.test(mz[c(1,3), c(1,3)])$p.value)
p("zero row/col chisq", unlist(chisq.test(mz[c(1,3), c(1,3)], correct=FALSE)[c("statistic","parameter","p.value")]))

## ---- t-tests, Levene, rank tests, correlation, proportions
tt <- function(label, r) p(label, c(r$statistic, r$parameter, r$p.value, r$conf.int, r$estimate))
a <- lung$age[lung$sex==1]; b <- lung$age[lung$sex==2]
tt("t.test(age~sex, var.equal=TRUE)", t.test(a, b, var.equal=TRUE))
tt("t.test(age~sex) Welch", t.test(a, b))
tt("t.test(ph.karno, pat.karno, paired=TRUE)", t.test(lung$ph.karno, lung$pat.karno, paired=TRUE))
p("complete pairs karno", sum(complete.cases(lung$ph.karno, lung$pat.karno)))
# Levene mean-centred (as SPSS): ANOVA on absolute deviations from group means
g <- factor(lung$sex); z <- abs(lung$age - ave(lung$age, g)); av <- anova(lm(z ~ g))
p("levene mean-centred age~sex F df1 df2 p", c(av$`F value`[1], av$Df, av$`Pr(>F)`[1]))
wl <- lung$wt.loss; ok <- !is.na(wl); g2 <- factor(lung$ph.ecog[ok & !is.na(lung$ph.ecog)]); w2 <- wl[ok & !is.na(lung$ph.ecog)]
z2 <- abs(w2 - ave(w2, g2)); av2 <- anova(lm(z2 ~ g2)); p("levene wt.loss~ph.ecog(4 groups)", c(av2$`F value`[1], av2$Df, av2$`Pr(>F)`[1]))
# Mann-Whitney
w <- wilcox.test(a, b, exact=FALSE, correct=FALSE); p("wilcox age~sex exact=F correct=F W p", c(w$statistic, w$p.value))
w <- wilcox.test(a, b, exact=FALSE, correct=TRUE); p("wilcox age~sex exact=F correct=T p", c(w$p.value))
x <- c(0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46); y <- c(1.15, 0.88, 0.90, 0.74, 1.21)
w <- wilcox.test(x, y); p("wilcox x,y exact W p", c(w$statistic, w$p.value))
w <- wilcox.test(x, y, exact=FALSE, correct=FALSE); p("wilcox x,y asym W p", c(w$statistic, w$p.value))
x2 <- c(1, 2, 3); y2 <- c(4, 5, 6, 7); w <- wilcox.test(x2, y2); p("wilcox 1:3 vs 4:7 exact p", c(w$statistic, w$p.value))
# signed rank
w <- wilcox.test(lung$ph.karno, lung$pat.karno, paired=TRUE, exact=FALSE, correct=FALSE); p("signrank karno V p", c(w$statistic, w$p.value))
w <- wilcox.test(lung$ph.karno, lung$pat.karno, paired=TRUE, exact=FALSE, correct=TRUE); p("signrank karno corrected p", w$p.value)
d <- lung$ph.karno - lung$pat.karno; d <- d[!is.na(d)]; p("karno diffs n zeros pos neg", c(length(d), sum(d==0), sum(d>0), sum(d<0)))
sx <- c(1.83,0.50,1.62,2.48,1.68,1.88,1.55,3.06,1.30); sy <- c(0.878,0.647,0.598,2.05,1.06,1.29,1.06,3.14,1.29)
w <- wilcox.test(sx, sy, paired=TRUE); p("signrank depression exact V p", c(w$statistic, w$p.value))
w <- wilcox.test(sx, sy, paired=TRUE, exact=FALSE, correct=FALSE); p("signrank depression asym p", w$p.value)
# correlations
r <- cor.test(lung$age, lung$ph.karno); p("pearson age ph.karno r t df p ci", c(r$estimate, r$statistic, r$parameter, r$p.value, r$conf.int))
r <- suppressWarnings(cor.test(lung$age, lung$ph.karno, method="spearman", exact=FALSE)); p("spearman age ph.karno rho S p", c(r$estimate, r$statistic, r$p.value))
p("n complete age ph.karno", sum(complete.cases(lung$age, lung$ph.karno)))
r <- cor.test(x, 1:10, method="spearman", exact=FALSE); p("spearman x vs 1:10 rho p", c(r$estimate, r$p.value))
# proportions
b <- binom.test(7, 20); p("binom.test(7,20) ci p", c(b$conf.int, b$p.value))
p("binom.test(0,20) ci", binom.test(0,20)$conf.int); p("binom.test(20,20) ci", binom.test(20,20)$conf.int)
p("binom.test(7,20,p=0.2) p", binom.test(7,20,p=0.2)$p.value)
p("prop.test(7,20,correct=F) ci", prop.test(7,20,correct=FALSE)$conf.int)
p("prop.test(0,20,correct=F) ci", suppressWarnings(prop.test(0,20,correct=FALSE)$conf.int))
p("binom.test(1,1000) ci", binom.test(1,1000)$conf.int)

## ---- Kaplan-Meier and log-rank
fl <- survfit(Surv(time, status) ~ 1, data=lung)
s <- summary(fl)
p("lung KM first 5 time", head(s$time,5)); p("n.risk", head(s$n.risk,5)); p("n.event", head(s$n.event,5)); p("surv", head(s$surv,5)); p("std.err", head(s$std.err,5))
p("lung KM n events", c(fl$n, sum(fl$n.event)))
p("number of unique times", length(fl$time))
for (ct in c("log","plain","log-log")) {
  f <- survfit(Surv(time, status) ~ 1, data=lung, conf.type=ct)
  p(paste("lung median print conf.type", ct), summary(f)$table[c("median","0.95LCL","0.95UCL")])
  q <- quantile(f, c(.25,.5,.75)); p(paste("lung quantile", ct, "est"), q$quantile); p(paste("lung quantile", ct, "lower"), q$lower); p(paste("lung quantile", ct, "upper"), q$upper)
  ss <- summary(f, times=c(183, 365, 730))
  p(paste("lung summary times 183/365/730", ct, "surv"), ss$surv); p(paste("  std.err"), ss$std.err); p(paste("  lower"), ss$lower); p("  upper", ss$upper); p("  n.risk", ss$n.risk)
}
p("lung rmean 365", summary(fl, rmean=365)$table[c("rmean","se(rmean)")])
p("lung rmean max", summary(fl, rmean="common")$table[c("rmean","se(rmean)")])
fs <- survfit(Surv(time, status) ~ sex, data=lung)
p("lung by sex median/LCL/UCL sex=1", summary(fs)$table[1, c("median","0.95LCL","0.95UCL")])
p("lung by sex median/LCL/UCL sex=2", summary(fs)$table[2, c("median","0.95LCL","0.95UCL")])
fv <- survfit(Surv(time, status) ~ 1, data=veteran)
p("veteran median log", summary(fv)$table[c("median","0.95LCL","0.95UCL")])
fvs <- survfit(Surv(time, status) ~ celltype, data=veteran)
print(summary(fvs)$table[, c("records","events","median","0.95LCL","0.95UCL")], digits=15)
# log-rank
sd1 <- survdiff(Surv(time, status) ~ sex, data=lung); p("survdiff lung~sex chisq obs exp", c(sd1$chisq, sd1$obs, sd1$exp))
sd2 <- survdiff(Surv(time, status) ~ celltype, data=veteran); p("survdiff veteran~celltype chisq", sd2$chisq); p("  obs", sd2$obs); p("  exp", sd2$exp); p(" n", sd2$n)
p("  pvalue", pchisq(sd2$chisq, 3, lower.tail=FALSE))
sd3 <- survdiff(Surv(time, status) ~ trt + strata(celltype), data=veteran); p("survdiff veteran~trt+strata(celltype) chisq", sd3$chisq); p("  obs", sd3$obs); p("  exp", sd3$exp)
sd4 <- survdiff(Surv(time, status) ~ ph.ecog, data=lung); p("survdiff lung~ph.ecog chisq", sd4$chisq); p("  obs", sd4$obs); p("  exp", sd4$exp); p("  n", sd4$n)

## ---- Kaplan-Meier edge cases
f <- survfit(Surv(c(1,2,2,3), c(1,1,1,1)) ~ 1)
print(summary(f)); print(f$std.err); print(f$lower); print(f$upper)
print(f)
print(quantile(f))
f2 <- survfit(Surv(c(1,2,3,4), c(0,0,0,0)) ~ 1); print(f2); print(summary(f2))
f3 <- survfit(Surv(5, 1) ~ 1); print(f3); print(summary(f3))
# flat at 0.5
f4 <- survfit(Surv(c(1,2,3,4,5,6), c(1,0,1,0,1,0)) ~ 1); print(summary(f4)); print(f4); print(quantile(f4, 0.5))
f5 <- survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1); print(summary(f5)); print(f5); print(quantile(f5, 0.5))
print(summary(f4, times=c(0.5, 2.5, 6, 7), extend=TRUE))
f <- survfit(Surv(c(2,2,2,3,4), c(1,0,1,1,0)) ~ 1); s <- summary(f, censored=TRUE)
p("tie event+censor time", s$time); p(" n.risk", s$n.risk); p(" n.event", s$n.event); p(" n.censor", s$n.censor); p(" surv", s$surv); p(" std.err", s$std.err)
p(" summary times 2.5 n.risk surv", unlist(summary(f, times=2.5)[c("n.risk","surv")]))
# SPSS-style median SE (Klein & Moeschberger practical note 3, eps = 0.05), computed by hand on the KM table
spss <- function(fit, p = 0.5, eps = 0.05) {
  s <- summary(fit); t <- s$time; S <- s$surv; se <- s$std.err
  tp <- min(t[S <= 1 - p]); Sp <- S[t == tp]; sep <- se[t == tp]
  if (any(S >= 1 - p + eps)) { u <- max(t[S >= 1 - p + eps]); Su <- S[t == u] } else { u <- 0; Su <- 1 }
  l <- min(t[S <= 1 - p - eps]); Sl <- S[t == l]
  SE <- sep / ((Su - Sl) / (l - u)); c(tp, SE, tp - qnorm(0.975) * SE, tp + qnorm(0.975) * SE)
}
fl <- survfit(Surv(time, status) ~ 1, data=lung)
p("lung SPSS median est se lower upper", spss(fl)); p("lung SPSS 25th", spss(fl, 0.25)); p("lung SPSS 75th", spss(fl, 0.75))
placebo <- c(1,1,2,2,3,4,4,5,5,8,8,8,8,11,11,12,12,15,17,22,23)
fp <- survfit(Surv(placebo, rep(1, 21)) ~ 1); p("gehan placebo SPSS median", spss(fp)); print(fp)

## ---- Cox regression
sd3 <- survdiff(Surv(time, status) ~ trt + strata(celltype), data=veteran); p("strat rowSums obs", rowSums(sd3$obs)); p("strat rowSums exp", rowSums(sd3$exp)); p("strat p", pchisq(sd3$chisq, 1, lower.tail=FALSE))
cx <- function(label, f) {
  s <- summary(f)
  p(paste(label, "coef"), coef(f)); p("  se", sqrt(diag(vcov(f)))); p("  z", s$coefficients[, "z"]); p("  p", s$coefficients[, "Pr(>|z|)"])
  p("  HR lower upper", c(s$conf.int[, "lower .95"], s$conf.int[, "upper .95"]))
  p("  loglik", f$loglik); p("  LR wald score", c(s$logtest["test"], s$waldtest["test"], s$sctest["test"]))
  p("  LR wald score p", c(s$logtest["pvalue"], s$waldtest["pvalue"], s$sctest["pvalue"])); p("  n events iter", c(f$n, f$nevent, f$iter))
}
cx("lung age+sex+ph.ecog efron", coxph(Surv(time, status) ~ age + sex + ph.ecog, data=lung))
cx("lung age+sex+ph.ecog breslow", coxph(Surv(time, status) ~ age + sex + ph.ecog, data=lung, ties="breslow"))
v <- veteran; v$celltype <- relevel(v$celltype, ref="squamous")
f <- coxph(Surv(time, status) ~ karno + celltype + trt, data=v); cx("veteran karno+celltype(ref squamous)+trt efron", f)
p("  anova celltype term wald", {b <- coef(f)[2:4]; V <- vcov(f)[2:4,2:4]; c(t(b) %*% solve(V) %*% b)})
cx("veteran same breslow", coxph(Surv(time, status) ~ karno + celltype + trt, data=v, ties="breslow"))
l <- lung; l$ecog <- factor(l$ph.ecog)
cx("lung factor(ph.ecog) ref 0 + age efron", coxph(Surv(time, status) ~ ecog + age, data=l))
cx("lung sex univariate efron", coxph(Surv(time, status) ~ sex, data=lung))
cx("lung wt.loss univariate efron", coxph(Surv(time, status) ~ wt.loss, data=lung))
# separation: no events in group b = 1
sep <- data.frame(time=c(1,2,3,4,5,6,7,8,9,10,11,12), status=c(1,1,1,0,1,1,0,0,0,0,0,0), g=c(0,0,0,0,0,0,1,1,1,1,1,1), age=c(50,61,45,70,66,59,48,52,63,71,55,60))
f <- withCallingHandlers(coxph(Surv(time, status) ~ g + age, data=sep), warning=function(w) {cat("WARNING:", conditionMessage(w), "\n"); invokeRestart("muffleWarning")})
p("separation coef", coef(f)); p("separation iter loglik", c(f$iter, f$loglik))
# ties example with many ties (heavy): veteran time rounded to 30-day months
vm <- veteran; vm$month <- ceiling(vm$time/30)
cx("veteran months karno efron", coxph(Surv(month, status) ~ karno, data=vm))
cx("veteran months karno breslow", coxph(Surv(month, status) ~ karno, data=vm, ties="breslow"))
p("lung efron wald", coxph(Surv(time, status) ~ age + sex + ph.ecog, data=lung)$wald.test)
p("lung breslow wald", coxph(Surv(time, status) ~ age + sex + ph.ecog, data=lung, ties="breslow")$wald.test)
v <- veteran; v$celltype <- relevel(v$celltype, ref="squamous")
p("veteran efron wald", coxph(Surv(time, status) ~ karno + celltype + trt, data=v)$wald.test)
p("veteran breslow wald", coxph(Surv(time, status) ~ karno + celltype + trt, data=v, ties="breslow")$wald.test)
l <- lung; l$ecog <- factor(l$ph.ecog)
f <- coxph(Surv(time, status) ~ ecog + age, data=l); p("lung factor ecog wald", f$wald.test)
b <- coef(f)[1:3]; V <- vcov(f)[1:3,1:3]; p("lung ecog term wald", c(t(b) %*% solve(V) %*% b))
p("lung sex wald", coxph(Surv(time, status) ~ sex, data=lung)$wald.test)
vm <- veteran; vm$month <- ceiling(vm$time/30)
p("veteran months efron wald", coxph(Surv(month, status) ~ karno, data=vm)$wald.test)
p("veteran months breslow wald", coxph(Surv(month, status) ~ karno, data=vm, ties="breslow")$wald.test)
sep <- data.frame(time=c(1,2,3,4,5,6,7,8,9,10,11,12), status=c(1,1,1,0,1,1,0,0,0,0,0,0), g=c(0,0,0,0,0,0,1,1,1,1,1,1), age=c(50,61,45,70,66,59,48,52,63,71,55,60))
f <- suppressWarnings(coxph(Surv(time, status) ~ g + age, data=sep)); print(f$iter); print(summary(f)$coefficients)
f <- suppressWarnings(coxph(Surv(time, status) ~ age, data=sep)); p("sep age only coef se", c(coef(f), sqrt(vcov(f))))

## ---- Stepwise selection as SPSS COXREG /METHOD=FSTEP(LR), lung
cands <- c("age", "sex", "ph.ecog", "ph.karno", "pat.karno", "wt.loss")
d <- lung[complete.cases(lung[, c("time", "status", cands)]), ]
cat("complete cases", nrow(d), "events", sum(d$status == 2), "\n")
# SPSS COXREG /METHOD=FSTEP(LR): entry by score test p <= 0.05, removal by LR test p > 0.10
stepwise <- function(ties, pin = 0.05, pout = 0.10) {
  inm <- character(0); fitm <- NULL
  ll <- function(vars) if (length(vars) == 0) coxph(Surv(time, status) ~ 1, data = d, ties = ties)$loglik[1] else
          coxph(as.formula(paste("Surv(time, status) ~", paste(vars, collapse = "+"))), data = d, ties = ties)$loglik[2]
  repeat {
    best <- NULL
    for (v in setdiff(cands, inm)) {
      vars <- c(inm, v)
      init <- if (length(inm) == 0) 0 else c(coef(fitm), 0)
      f0 <- coxph(as.formula(paste("Surv(time, status) ~", paste(vars, collapse = "+"))), data = d, ties = ties,
                  init = init, control = coxph.control(iter.max = 0))
      pv <- pchisq(f0$score, 1, lower.tail = FALSE)
      cat(sprintf("   score for %s given {%s}: %.15g p=%.15g\n", v, paste(inm, collapse=","), f0$score, pv))
      if (is.null(best) || pv < best$p) best <- list(v = v, p = pv, s = f0$score)
    }
    if (is.null(best) || best$p > pin) break
    inm <- c(inm, best$v); fitm <- coxph(as.formula(paste("Surv(time, status) ~", paste(inm, collapse = "+"))), data = d, ties = ties)
    cat("ENTER", best$v, sprintf("%.15g %.15g", best$s, best$p), "\n")
    repeat {
      if (length(inm) < 2) break
      full <- fitm$loglik[2]
      lrs <- sapply(inm, function(v) 2 * (full - ll(setdiff(inm, v))))
      ps <- pchisq(lrs, 1, lower.tail = FALSE)
      cat("   removal LR:", paste(names(ps), sprintf("%.6g", lrs), sprintf("p=%.6g", ps)), "\n")
      if (max(ps) <= pout) break
      w <- names(ps)[which.max(ps)]; inm <- setdiff(inm, w)
      fitm <- coxph(as.formula(paste("Surv(time, status) ~", paste(inm, collapse = "+"))), data = d, ties = ties)
      cat("REMOVE", w, "\n")
    }
  }
  cat("FINAL", inm, "\n"); p("final coef", coef(fitm)); p("final loglik", fitm$loglik)
}
cat("== efron\n"); stepwise("efron"); cat("== efron 0.25/0.30\n"); stepwise("efron", 0.25, 0.30)
cat("== breslow\n"); stepwise("breslow")

## ---- Stepwise selection on synthetic data with a removal (writes stepwise.csv)
set.seed(2024)
n <- 300
z1 <- rnorm(n); z2 <- rnorm(n)
x1 <- round(z1 + z2 + rnorm(n, sd = 0.3), 3); x2 <- round(z1, 3); x3 <- round(z2, 3)
grp <- sample(c("A", "B", "C"), n, replace = TRUE)
lp <- 0.5 * z1 + 0.35 * z2 + ifelse(grp == "C", 0.3, 0)
t <- rexp(n, exp(lp)); cens <- rexp(n, 0.5)
time <- round(pmin(t, cens) * 100) + 1; status <- as.integer(t <= cens)
d <- data.frame(time, status, x1, x2, x3, grp)
write.csv(d, "stepwise.csv", row.names = FALSE, quote = FALSE)
cands <- c("x1", "x2", "x3", "grp")
stepwise <- function(ties, pin = 0.05, pout = 0.10) {
  inm <- character(0); fitm <- NULL
  fitv <- function(vars) coxph(as.formula(paste("Surv(time, status) ~", paste(vars, collapse = "+"))), data = d, ties = ties)
  repeat {
    best <- NULL
    for (v in setdiff(cands, inm)) {
      vars <- c(inm, v); k <- if (v == "grp") 2 else 1
      init <- if (length(inm) == 0) rep(0, k) else c(coef(fitm), rep(0, k))
      f0 <- coxph(as.formula(paste("Surv(time, status) ~", paste(vars, collapse = "+"))), data = d, ties = ties,
                  init = init, control = coxph.control(iter.max = 0))
      pv <- pchisq(f0$score, k, lower.tail = FALSE)
      cat(sprintf("   score for %s given {%s}: %.15g df=%d p=%.15g\n", v, paste(inm, collapse=","), f0$score, k, pv))
      if (is.null(best) || pv < best$p) best <- list(v = v, p = pv, s = f0$score)
    }
    if (is.null(best) || best$p > pin) break
    inm <- c(inm, best$v); fitm <- fitv(inm)
    cat("ENTER", best$v, sprintf("%.15g %.15g", best$s, best$p), "\n")
    repeat {
      if (length(inm) < 2) break
      full <- fitm$loglik[2]
      lrs <- sapply(inm, function(v) 2 * (full - fitv(setdiff(inm, v))$loglik[2]))
      dfs <- sapply(inm, function(v) if (v == "grp") 2 else 1)
      ps <- pchisq(lrs, dfs, lower.tail = FALSE)
      cat("   removal LR:", paste(names(ps), sprintf("%.15g", lrs), sprintf("p=%.15g", ps)), "\n")
      if (max(ps) <= pout) break
      w <- names(ps)[which.max(ps)]; inm <- setdiff(inm, w); fitm <- fitv(inm)
      cat("REMOVE", w, sprintf("%.15g %.15g", lrs[w], ps[w]), "\n")
    }
  }
  cat("FINAL", inm, "\n"); print(coef(fitm), digits = 15); print(fitm$loglik, digits = 15)
}
cat("== efron\n"); stepwise("efron")
cat("== breslow\n"); stepwise("breslow")

## ---- Random data sets for the agreement tests (km-random-medians.txt, fisher-random-tables.txt)
set.seed(5)
for (k in 1:300) {
  n <- sample(3:40, 1); t <- sample(1:15, n, replace = TRUE); s <- rbinom(n, 1, runif(1, 0.2, 1)); out <- c()
  for (ct in c("log", "plain", "log-log")) {
    f <- survfit(Surv(t, s) ~ 1, conf.type = ct); out <- c(out, summary(f)$table[c("median", "0.95LCL", "0.95UCL")])
  }
  cat(n, paste(t, collapse = " "), paste(s, collapse = " "), paste(ifelse(is.na(out), "NA", sprintf("%.10g", out)), collapse = " "), "\n")
}
set.seed(42)
for (k in 1:40) {
  r <- sample(2:4, 1); c <- sample(2:5, 1); n <- sample(10:60, 1); m <- matrix(rmultinom(1, n, runif(r * c)), r, c)
  if (any(rowSums(m) == 0) || any(colSums(m) == 0)) next
  cat(r, c, paste(m, collapse = " "), sprintf("%.15g", fisher.test(m, workspace = 2e7)$p.value), "\n")
}
