# Independent oracle for Survey Lens' statistics: R's survey package (Lumley) and base R.
# Reads the bundled sample and a hand-made fixture, writes tests/oracle/r-oracle.json, which
# tests/unit/analysis/r-oracle.test.ts compares with our figures to 1e-6.
# Run: Rscript scripts/r-oracle.R   (Debian: apt-get install r-cran-survey r-cran-jsonlite)
suppressMessages({
  library(survey)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "tests/oracle/r-oracle.json"

read_wave <- function(path) {
  read.csv(path, check.names = FALSE, na.strings = c("", "NA"), stringsAsFactors = FALSE, encoding = "UTF-8")
}

# svyciprop(method = "logit") on the domain of respondents in `in_base`, as analysts do with subset().
weighted_shares <- function(design, in_base, indicator_of, options) {
  domain <- subset(design, in_base)
  lapply(options, function(option) {
    domain <- update(domain, y__ = indicator_of(option))
    ci <- svyciprop(~y__, domain, method = "logit", level = 0.95)
    list(option = option, share = unname(as.numeric(ci)), low = unname(confint(ci)[1]), high = unname(confint(ci)[2]))
  })
}

wave <- read_wave("data/state-of-engineers/2022.csv")
design <- svydesign(ids = ~1, weights = ~weight, data = wave)

roles <- sort(unique(na.omit(wave$role)))
role_weighted <- weighted_shares(design, !is.na(wave$role), function(o) wave$role[!is.na(wave$role)] == o, roles)

europe <- !is.na(wave$role) & wave$region == "Europe"
role_europe_weighted <- weighted_shares(design, europe, function(o) wave$role[europe] == o, roles)

tokens <- strsplit(ifelse(is.na(wave$languages), "", wave$languages), ";", fixed = TRUE)
answered_languages <- lengths(tokens) > 0
languages <- sort(unique(unlist(tokens)))
languages_weighted <- weighted_shares(design, answered_languages, function(o) vapply(tokens[answered_languages], function(t) o %in% t, logical(1)), languages)

satisfaction <- c("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied")
satisfaction_weighted <- weighted_shares(design, !is.na(wave$job_satisfaction), function(o) wave$job_satisfaction[!is.na(wave$job_satisfaction)] == o, satisfaction)

# Unweighted: the Wilson interval is prop.test without continuity correction.
role_counts <- table(wave$role)
role_wilson <- lapply(roles, function(o) {
  test <- prop.test(role_counts[[o]], sum(role_counts), correct = FALSE)
  list(option = o, count = role_counts[[o]], base = sum(role_counts), low = test$conf.int[1], high = test$conf.int[2])
})

# Crosstab role x work arrangement: Pearson chi-square without Yates' correction.
both <- !is.na(wave$role) & !is.na(wave$work_arrangement)
chi <- suppressWarnings(chisq.test(table(wave$role[both], wave$work_arrangement[both]), correct = FALSE))

# Hand-made fixture with a few respondents: small-base behaviour.
small <- read_wave("tests/fixtures/weighted-small.csv")
small_design <- svydesign(ids = ~1, weights = ~w, data = small)
small_answer <- !is.na(small$answer)
small_weighted <- weighted_shares(small_design, small_answer, function(o) small$answer[small_answer] == o, sort(unique(na.omit(small$answer))))

holm_input <- c(0.01, 0.04, 0.03, 0.005, 0.2)

# Significance of a difference in shares: y = chose the option, g = in the first group, both
# defined (never NA) on every row so that subset() keeps the whole file as the sample.
design_t_test <- function(design, in_base, y, g) {
  domain <- subset(update(design, y__ = as.numeric(y), g__ = g), in_base)
  test <- svyttest(y__ ~ g__, domain)
  model <- svyglm(y__ ~ g__, domain)
  list(estimate = unname(test$estimate), se = unname(SE(model)[2]), t = unname(test$statistic), df = unname(test$parameter), p = unname(test$p.value))
}
# prop.test(correct = FALSE) of x1/n1 against x2/n2: its X-squared is the pooled z squared.
pooled_test <- function(y, g, in_base) {
  x <- c(sum(y & g & in_base), sum(y & !g & in_base))
  n <- c(sum(g & in_base), sum(!g & in_base))
  test <- prop.test(x, n, correct = FALSE)
  list(count = x, base = n, estimate = unname(x[1] / n[1] - x[2] / n[2]), x_squared = unname(test$statistic), p = test$p.value)
}

# Each region against the rest of those who answered role (region has no blanks in 2022).
regions <- sort(unique(na.omit(wave$region)))
answered_role <- !is.na(wave$role)
segment_pairs <- expand.grid(option = roles, segment = regions, stringsAsFactors = FALSE)
segment_tests <- function(test) {
  lapply(seq_len(nrow(segment_pairs)), function(k) {
    option <- segment_pairs$option[k]
    segment <- segment_pairs$segment[k]
    c(list(segment = segment, option = option), test(wave$role %in% option, wave$region %in% segment))
  })
}
segment_tests_weighted <- segment_tests(function(y, g) design_t_test(design, answered_role, y, g))
segment_tests_unweighted <- segment_tests(function(y, g) pooled_test(y, g, answered_role))

# Waves as independent samples: 2021 against 2022, stacked with the wave as stratum.
wave_2021 <- read_wave("data/state-of-engineers/2021.csv")
stacked <- rbind(
  data.frame(wave = "2021", job_satisfaction = wave_2021$job_satisfaction, weight = wave_2021$weight),
  data.frame(wave = "2022", job_satisfaction = wave$job_satisfaction, weight = wave$weight)
)
stacked_design <- svydesign(ids = ~1, strata = ~wave, weights = ~weight, data = stacked)
answered_satisfaction <- !is.na(stacked$job_satisfaction)
in_2021 <- stacked$wave == "2021"
wave_tests_weighted <- lapply(satisfaction, function(o) {
  c(list(option = o, first = "2021", second = "2022", sizes = c(nrow(wave_2021), nrow(wave))), design_t_test(stacked_design, answered_satisfaction, stacked$job_satisfaction %in% o, in_2021))
})
wave_tests_unweighted <- lapply(satisfaction, function(o) c(list(option = o), pooled_test(stacked$job_satisfaction %in% o, in_2021, answered_satisfaction)))

# Means of a numeric question over a domain: svymean on subset(), confint with the domain's df
# (t, like svyciprop's shares); unweighted, t.test's mean and interval.
mean_cases <- list(
  list(question = "salary_usd", region = NA),
  list(question = "salary_usd", region = "Europe"),
  list(question = "years_experience", region = NA),
  list(question = "years_experience", region = "Asia")
)
in_region <- function(region) if (is.na(region)) rep(TRUE, nrow(wave)) else wave$region %in% region
means_weighted <- lapply(mean_cases, function(case) {
  x <- wave[[case$question]]
  domain <- subset(design, !is.na(x) & in_region(case$region))
  estimate <- svymean(as.formula(paste0("~", case$question)), domain)
  ci <- confint(estimate, df = degf(domain))
  list(question = case$question, region = case$region, n = sum(!is.na(x) & in_region(case$region)), mean = unname(coef(estimate)), se = as.numeric(SE(estimate)), df = degf(domain), low = ci[1], high = ci[2])
})
means_unweighted <- lapply(mean_cases, function(case) {
  x <- na.omit(wave[[case$question]][in_region(case$region)])
  test <- t.test(x)
  list(question = case$question, region = case$region, n = length(x), mean = mean(x), se = sd(x) / sqrt(length(x)), low = test$conf.int[1], high = test$conf.int[2])
})

# Design-based (Rao-Scott) chi-square of independence on a weighted crosstab: svychisq on the
# domain of respondents in the selection who answered both questions, second order (statistic =
# "F", the default) and first order ("Chisq", whose statistic is the unadjusted Pearson X^2 of
# the weighted table scaled to the domain's n, as svychisq builds it). Filters use our grammar:
# "in" is one of, "not" answered and is none of; `I()` keeps one-value lists as JSON arrays.
# Where svychisq stops (empty cells on a cycle make its solve() singular) the error is kept.
rao_scott_cases <- list(
  list(name = "role x work arrangement", rows = "role", cols = "work_arrangement", filters = list()),
  list(name = "role x region, region not Oceania (an empty column)", rows = "role", cols = "region", filters = list(list(question = "region", op = "not", values = I("Oceania")))),
  list(name = "job satisfaction x company size", rows = "job_satisfaction", cols = "company_size", filters = list()),
  list(name = "job satisfaction x work arrangement (associated)", rows = "job_satisfaction", cols = "work_arrangement", filters = list()),
  list(name = "job satisfaction x company size in Europe", rows = "job_satisfaction", cols = "company_size", filters = list(list(question = "region", op = "in", values = I("Europe")))),
  list(name = "role x work arrangement, four roles (six empty rows)", rows = "role", cols = "work_arrangement", filters = list(list(question = "role", op = "in", values = I(c("Backend Engineer", "Frontend Engineer", "Full-stack Engineer", "Mobile Engineer"))))),
  list(name = "2 x 2: remote or on-site x Europe or Asia", rows = "work_arrangement", cols = "region", filters = list(list(question = "work_arrangement", op = "in", values = I(c("Fully remote", "On-site"))), list(question = "region", op = "in", values = I(c("Europe", "Asia"))))),
  list(name = "role x region, company size 1-10 (empty cells)", rows = "role", cols = "region", filters = list(list(question = "company_size", op = "in", values = I("1-10")))),
  list(name = "job satisfaction x role in Africa (empty cells)", rows = "job_satisfaction", cols = "role", filters = list(list(question = "region", op = "in", values = I("Africa")))),
  list(name = "role x region, 11-50 fully remote (empty cells on a cycle: svychisq stops)", rows = "role", cols = "region", filters = list(list(question = "company_size", op = "in", values = I("11-50")), list(question = "work_arrangement", op = "in", values = I("Fully remote"))))
)
matches_filter <- function(filter) {
  x <- wave[[filter$question]]
  if (filter$op == "in") x %in% filter$values else !is.na(x) & !(x %in% filter$values)
}
rao_scott <- lapply(rao_scott_cases, function(case) {
  in_domain <- !is.na(wave[[case$rows]]) & !is.na(wave[[case$cols]])
  for (filter in case$filters) in_domain <- in_domain & matches_filter(filter)
  domain <- subset(design, in_domain)
  formula <- as.formula(paste0("~", case$rows, " + ", case$cols))
  table <- svytable(formula, domain, Ntotal = sum(in_domain))
  pearson <- unname(suppressWarnings(chisq.test(table, correct = FALSE))$statistic)
  known <- c(case, list(n = sum(in_domain), empty_cells = sum(table == 0), pearson = pearson))
  tests <- tryCatch(
    list(second = svychisq(formula, domain, statistic = "F"), first = svychisq(formula, domain, statistic = "Chisq")),
    error = function(e) conditionMessage(e)
  )
  if (is.character(tests)) return(c(known, list(error = tests)))
  stopifnot(isTRUE(all.equal(unname(tests$first$statistic), pearson)))
  c(known, list(
    statistic = unname(tests$second$statistic), ndf = unname(tests$second$parameter["ndf"]),
    ddf = unname(tests$second$parameter["ddf"]), p = tests$second$p.value,
    first_df = unname(tests$first$parameter), first_p = tests$first$p.value
  ))
})

result <- list(
  r_version = R.version.string,
  survey_version = as.character(packageVersion("survey")),
  role_weighted = role_weighted,
  role_europe_weighted = role_europe_weighted,
  languages_weighted = languages_weighted,
  satisfaction_weighted = satisfaction_weighted,
  role_wilson = role_wilson,
  chisq_role_by_work = list(statistic = unname(chi$statistic), df = unname(chi$parameter), p = chi$p.value),
  small_weighted = small_weighted,
  holm = list(input = holm_input, adjusted = p.adjust(holm_input, "holm")),
  segment_tests_weighted = segment_tests_weighted,
  segment_tests_unweighted = segment_tests_unweighted,
  wave_tests_weighted = wave_tests_weighted,
  wave_tests_unweighted = wave_tests_unweighted,
  means_weighted = means_weighted,
  means_unweighted = means_unweighted,
  rao_scott = rao_scott
)
writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")
