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
  holm = list(input = holm_input, adjusted = p.adjust(holm_input, "holm"))
)
writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")
