/** What `survey-lens --help` prints: kept apart so that printing it loads nothing else. */
export const HELP = `survey-lens — survey CSV exports in, figures out

Usage:
  survey-lens schema <file.csv|.tsv|.csv.gz|.tsv.gz> [--codebook <survey.json>] [--as-codebook]
      Prints the inferred schema as JSON: header layout, respondent count, and for each
      question its id, label, kind, options in order, respondents and answered counts.
      --as-codebook prints a survey.json to start your own codebook from instead.

  survey-lens schema <dataset id or folder>
      Prints how the dataset's waves are linked for trends, as JSON: each question asked in two
      waves or more with its id in every wave and why (codebook, same id and text, or same text
      under another id), and each same-id question NOT linked because it asks something else.

  survey-lens aggregate <file or dataset id> --question <id>
        [--where <id>=<value>]... [--where <id>!=<value>]... [--where <id>>=<number>]...
        [--by <id>] [--weight <column>] [--base answered|all] [--wave <wave>]
        [--codebook <survey.json>] [--suppress-below <n>] [--level 90|95|99] [--format csv|json]
        [--view '<query string of a dashboard URL>']
      Prints the aggregated figures for that view — the same CSV the dashboard downloads:
      one row per (wave, segment, option) with counts, bases, percentages and intervals
      (95% unless --level says 90 or 99).
      Repeating --where on one question means "is one of"; different questions are ANDed.
      Also <id>__all=<value> (chose all of), <id>__answered=1|0. Quote values with spaces:
        --where 'MainBranch=I am a developer by profession'
      A dataset id is a folder under data/ or under a folder listed in SURVEY_LENS_DATA.
      Without --wave, every wave of a dataset is included (a trend). When the codebook names a
      weight column, figures are weighted (unweighted counts beside); --weight none turns it off,
      --weight <column> weights by another numeric column. --suppress-below sets the threshold
      for small groups instead of the codebook's (suppressBelow, default 10). On a public
      dataset (SURVEY_LENS_MODE=public) the threshold can only be raised and the weights are
      the codebook's or none.
      --view takes the query string of a dashboard page (e.g. 'region=Europe&_by=role&_wave=all')
      and prints exactly that page's download: it is read as the page reads it, so unknown
      questions or options are left out with a note instead of failing, and no _wave means the
      latest wave. Flags given with it are added to it.

  survey-lens crosstab <file or dataset id> --rows <id> [--rows <id>]... --cols <id>
        [--where …]... [--wave <wave>] [--weight <column>|none] [--base answered|all]
        [--suppress-below <n>] [--level 90|95|99] [--format csv|json] [--view '<query string>']
      Prints the crosstab page's download: each row question against the column question in
      one wave (the latest unless --wave), with counts, column, row and total percentages, the
      column-% interval, significance marks and the test of independence on every row.

  survey-lens findings <file or dataset id> [--where …]... [--by <id>] [--wave <wave>]
        [--q 0.05] [--min 5] [--weight <column>|none] [--base answered|all]
        [--suppress-below <n>] [--format csv|json] [--view '<query string>']
      Prints the findings page's download ("what stands out"): the selection (--where) against
      the rest of its wave, or each --by segment against the rest of the selection, over every
      chartable question of one wave (the latest unless --wave), and what changed since the
      previous wave; one row per finding with question_id, question_label, measure, option,
      segment, percent, percent_rest, difference_points, ci_low, ci_high, p, q, base, base_rest
      and section (stands_out or changed). Benjamini–Hochberg over every test; a finding has
      q ≤ --q (default 0.05) and differs by at least --min percentage points (default 5; a
      mean's floor, 0.2 SD at 5 points, scales with it). The JSON also gives the number of tests.
      In public mode, tests of published shares only (no means), as the page makes them.

  survey-lens --help

A survey.json next to the file is used unless --codebook names another.
Exit codes: 0 ok, 1 the file cannot be read as a survey, 2 bad arguments, unknown question or option.`;
