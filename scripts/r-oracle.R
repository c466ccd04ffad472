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
weighted_shares <- function(design, in_base, indicator_of, options, level = 0.95) {
  domain <- subset(design, in_base)
  lapply(options, function(option) {
    domain <- update(domain, y__ = indicator_of(option))
    ci <- svyciprop(~y__, domain, method = "logit", level = level)
    list(option = option, share = unname(as.numeric(ci)), low = unname(confint(ci)[1]), high = unname(confint(ci)[2]))
  })
}

wave <- read_wave("data/state-of-engineers/2022.csv")
design <- svydesign(ids = ~1, weights = ~weight, data = wave)

roles <- sort(unique(na.omit(wave$role)))
role_weighted <- weighted_shares(design, !is.na(wave$role), function(o) wave$role[!is.na(wave$role)] == o, roles)

europe <- !is.na(wave$role) & wave$region == "Europe"
role_europe_weighted <- weighted_shares(design, europe, function(o) wave$role[europe] == o, roles)

# An analyst's own weights (issue 24: `_weight=<column>`, `--weight <column>`), on a column the
# codebook does not name: years of experience, used as weights by someone who wants a "per year
# of experience" share. Respondents without a positive weight are out of the design (we give them
# weight 0 and say so). Kish's effective base, (sum w)^2 / sum w^2, over each domain.
kish <- function(w) sum(w)^2 / sum(w^2)
experienced <- wave[!is.na(wave$years_experience) & wave$years_experience > 0, ]
years_design <- svydesign(ids = ~1, weights = ~years_experience, data = experienced)
years_role <- !is.na(experienced$role)
analyst_weight <- list(
  role_by_years = weighted_shares(years_design, years_role, function(o) experienced$role[years_role] == o, roles),
  role_by_years_kish = kish(experienced$years_experience[years_role]),
  role_europe_kish = kish(wave$weight[europe])
)

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

# Other confidence levels (`_level=90|99`): the same shares, Wilson and logit intervals at 90% and 99%.
wilson_at <- function(level) lapply(roles, function(o) {
  test <- prop.test(role_counts[[o]], sum(role_counts), correct = FALSE, conf.level = level)
  list(option = o, count = role_counts[[o]], base = sum(role_counts), low = test$conf.int[1], high = test$conf.int[2])
})
role_wilson_90 <- wilson_at(0.90)
role_wilson_99 <- wilson_at(0.99)
role_weighted_90 <- weighted_shares(design, !is.na(wave$role), function(o) wave$role[!is.na(wave$role)] == o, roles, level = 0.90)
role_weighted_99 <- weighted_shares(design, !is.na(wave$role), function(o) wave$role[!is.na(wave$role)] == o, roles, level = 0.99)

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

# Issue 23, "what stands out": every comparison of a findings scan, test by test. A share: the
# respondents in the base (answered) who chose the option, the group against the rest of the
# compared respondents (the wave, or the selection), by prop.test(correct = FALSE) unweighted and
# svychisq(~y + g, subset(design, compared & in base), statistic = "F") weighted (Rao-Scott; the
# difference and its interval from svyttest(y ~ g, …)); a mean (numeric question, Likert
# mean score by position) by t.test(x, y) (Welch) or svyttest(x ~ g, …). Comparisons with a base
# under 30 on either side, or under Cochran's rule as Sugden, Smith & Jones (2000) refine it
# (n > 28 + 25 G1², G1 the skewness of the answers of both sides together, weighted when
# weighted), are not tests; q = p.adjust(p, "BH") over every test of the scan.
# Intervals: prop.test's conf.int, t.test's, svyttest's confint.
scan_cells <- function(data) {
  cells <- list()
  add_shares <- function(id, measure, in_base, options, chose) {
    for (option in options) cells[[length(cells) + 1]] <<- list(question = id, measure = measure, option = option, in_base = in_base, y = chose(option))
  }
  for (id in c("role", "region", "company_size", "work_arrangement", "job_satisfaction")) {
    x <- data[[id]]
    add_shares(id, "share", !is.na(x), sort(unique(na.omit(x))), function(o) x %in% o)
  }
  satisfaction_levels <- c("Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied")
  x <- data$job_satisfaction
  add_shares("job_satisfaction", "top2", !is.na(x), "top2", function(o) x %in% satisfaction_levels[4:5])
  tokens <- strsplit(ifelse(is.na(data$languages), "", data$languages), ";", fixed = TRUE)
  add_shares("languages", "share", lengths(tokens) > 0, sort(unique(unlist(tokens))), function(o) vapply(tokens, function(t) o %in% t, logical(1)))
  rank_columns <- grep("^hot_trends\\[", names(data), value = TRUE)
  ranks <- as.matrix(data[rank_columns])
  items <- sub("^hot_trends\\[(.*)\\]$", "\\1", rank_columns)
  add_shares("hot_trends", "ranked_first", rowSums(!is.na(ranks)) > 0, items, function(o) ranks[, rank_columns[items == o]] %in% 1)
  means <- list(
    list(question = "years_experience", measure = "mean", option = "", x = data$years_experience),
    list(question = "salary_usd", measure = "mean", option = "", x = data$salary_usd),
    list(question = "job_satisfaction", measure = "mean", option = "", x = match(data$job_satisfaction, satisfaction_levels))
  )
  c(cells, means)
}

# One comparison: the group g against the rest within `compared` (both logical on every row).
# Changes between waves keep the trend's test (svyttest with the waves as strata): rao_scott_off.
compare_cell <- function(cell, design, weights, compared, g, weighted, rao_scott_off = FALSE) {
  is_mean <- !is.null(cell$x)
  in_base <- compared & (if (is_mean) !is.na(cell$x) else cell$in_base)
  value <- if (is_mean) cell$x else as.numeric(cell$y)
  a <- in_base & g
  b <- in_base & !g
  sides <- list(base = sum(a), base_rest = sum(b))
  w <- if (weighted) weights else rep(1, length(g))
  both <- in_base
  centred <- value[both] - sum(w[both] * value[both]) / sum(w[both])
  skewness <- (sum(w[both] * centred^3) / sum(w[both])) / (sum(w[both] * centred^2) / sum(w[both]))^1.5
  enough <- function(n) n >= 30 && is.finite(skewness) && n > 28 + 25 * skewness^2
  if (!enough(sides$base) || !enough(sides$base_rest)) return(NULL)
  share <- function(side) sum(w[side] * value[side]) / sum(w[side])
  scale <- if (is_mean) 1 else 100
  result <- c(cell[c("question", "measure", "option")], sides, list(percent = scale * share(a), percent_rest = scale * share(b)))
  test <- tryCatch(
    if (weighted) {
      domain <- subset(update(design, y__ = value, g__ = g), in_base)
      svyttest(y__ ~ g__, domain)
    } else if (is_mean) {
      t.test(value[a], value[b])
    } else {
      suppressWarnings(prop.test(c(sum(value[a]), sum(value[b])), c(sides$base, sides$base_rest), correct = FALSE))
    },
    error = function(e) NULL
  )
  if (is.null(test) || is.na(test$p.value)) return(NULL)
  difference <- if (weighted) unname(test$estimate) else share(a) - share(b)
  p <- test$p.value
  # A weighted share's p is Rao-Scott's (svychisq on the 2 x 2, the design-based Pearson X²);
  # its difference and interval stay svyttest's.
  if (weighted && !is_mean && !rao_scott_off) {
    domain <- subset(update(design, y__ = factor(value), g__ = factor(g)), in_base)
    p <- tryCatch(svychisq(~y__ + g__, domain, statistic = "F")$p.value, error = function(e) NA)
    if (is.na(p)) return(NULL)
  }
  c(result, list(difference = scale * difference, ci_low = scale * test$conf.int[1], ci_high = scale * test$conf.int[2], p = p))
}

# Every test of one scan (groups: a named list of logical vectors, "" for the selection against
# the rest of the wave), with BH over all of them.
findings_scan <- function(data, design, weights, compared, groups, skip, weighted) {
  cells <- Filter(function(cell) !(cell$question %in% skip), scan_cells(data))
  tests <- list()
  for (k in seq_along(groups)) {
    for (cell in cells) {
      test <- compare_cell(cell, design, weights, compared, compared & groups[[k]], weighted)
      if (!is.null(test)) tests[[length(tests) + 1]] <- c(list(segment = names(groups)[k]), test)
    }
  }
  q <- p.adjust(vapply(tests, function(t) t$p, numeric(1)), method = "BH")
  Map(function(test, q) c(test, list(q = q)), tests, q)
}

everyone <- rep(TRUE, nrow(wave))
europe_only <- wave$region %in% "Europe"
smaller_companies <- wave$company_size %in% c("1-10", "11-50", "51-200")
arrangements <- sort(unique(na.omit(wave$work_arrangement)))
by_arrangement <- setNames(lapply(arrangements, function(a) wave$work_arrangement %in% a), arrangements)
findings_cases <- lapply(list(
  list(name = "region = Europe against the rest of the wave", filters = list(list(question = "region", op = "in", values = I("Europe"))), by = NULL, skip = "region"),
  list(name = "by work arrangement within companies up to 200", filters = list(list(question = "company_size", op = "in", values = I(c("1-10", "11-50", "51-200")))), by = "work_arrangement", skip = c("company_size", "work_arrangement"))
), function(case) {
  compared <- if (is.null(case$by)) everyone else smaller_companies
  groups <- if (is.null(case$by)) list(europe_only) else by_arrangement
  if (is.null(case$by)) names(groups) <- ""
  c(case, list(
    unweighted = findings_scan(wave, design, wave$weight, compared, groups, case$skip, FALSE),
    weighted = findings_scan(wave, design, wave$weight, compared, groups, case$skip, TRUE)
  ))
})

# What changed, 2021 to 2022: each share of the scan in 2022 against 2021, prop.test(correct =
# FALSE) unweighted, svyttest on the stacked waves with the wave as stratum weighted (difference =
# 2022 − 2021); bases under 30 not tested; BH over all of them.
change_tests <- function(weighted) {
  earlier <- wave_2021
  cells_2022 <- Filter(function(cell) is.null(cell$x), scan_cells(wave))
  cells_2021 <- Filter(function(cell) is.null(cell$x), scan_cells(earlier))
  key <- function(cell) paste(cell$question, cell$measure, cell$option)
  keys_2021 <- vapply(cells_2021, key, character(1))
  stacked <- data.frame(wave = rep(c("2021", "2022"), c(nrow(earlier), nrow(wave))), weight = c(earlier$weight, wave$weight))
  stacked_design <- svydesign(ids = ~1, strata = ~wave, weights = ~weight, data = stacked)
  latest <- stacked$wave == "2022"
  tests <- list()
  for (cell in cells_2022) {
    match_2021 <- which(keys_2021 == key(cell))
    if (length(match_2021) == 0) next
    before <- cells_2021[[match_2021]]
    combined <- list(question = cell$question, measure = cell$measure, option = cell$option, in_base = c(before$in_base, cell$in_base), y = c(before$y, cell$y))
    test <- compare_cell(combined, stacked_design, stacked$weight, rep(TRUE, nrow(stacked)), latest, weighted, rao_scott_off = TRUE)
    if (!is.null(test)) tests[[length(tests) + 1]] <- c(list(segment = ""), test)
  }
  q <- p.adjust(vapply(tests, function(t) t$p, numeric(1)), method = "BH")
  Map(function(test, q) c(test, list(q = q)), tests, q)
}
wave_changes <- list(previous = "2021", latest = "2022", unweighted = change_tests(FALSE), weighted = change_tests(TRUE))
bh_input <- c(0.01, 0.04, 0.03, 0.005, 0.2, NA, 0.04)

result <- list(
  r_version = R.version.string,
  survey_version = as.character(packageVersion("survey")),
  role_weighted = role_weighted,
  role_europe_weighted = role_europe_weighted,
  analyst_weight = analyst_weight,
  languages_weighted = languages_weighted,
  satisfaction_weighted = satisfaction_weighted,
  role_wilson = role_wilson,
  role_wilson_90 = role_wilson_90,
  role_wilson_99 = role_wilson_99,
  role_weighted_90 = role_weighted_90,
  role_weighted_99 = role_weighted_99,
  chisq_role_by_work = list(statistic = unname(chi$statistic), df = unname(chi$parameter), p = chi$p.value),
  small_weighted = small_weighted,
  holm = list(input = holm_input, adjusted = p.adjust(holm_input, "holm")),
  segment_tests_weighted = segment_tests_weighted,
  segment_tests_unweighted = segment_tests_unweighted,
  wave_tests_weighted = wave_tests_weighted,
  wave_tests_unweighted = wave_tests_unweighted,
  means_weighted = means_weighted,
  means_unweighted = means_unweighted,
  rao_scott = rao_scott,
  findings = findings_cases,
  wave_changes = wave_changes,
  bh = list(input = bh_input, adjusted = p.adjust(bh_input, "BH"))
)
writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = TRUE), out)
cat("wrote", out, "\n")
