import { describe, expect, it } from 'vitest';
import { currentWeightChoice, listWeightChoices } from '../../../../lib/view/figures/weight-choices';
import { loadSampleWaves } from '../../helpers/sample-view';

/** The "Weights" picker on the bundled sample (2022: weight column “weight”; numeric years_experience and salary_usd). */
describe('listWeightChoices', () => {
  const analyst = { weighted: true, weightColumn: 'weight', disclosure: 'analyst' as const };

  it('analyst, weighted dataset → its weight, unweighted, then every other numeric column', async () => {
    const survey = (await loadSampleWaves()).at(-1)!.survey;
    expect(listWeightChoices(survey, analyst).map((choice) => choice.value)).toEqual(['1', '0', 'years_experience', 'salary_usd']);
    expect(listWeightChoices(survey, analyst)[0].label).toBe('Dataset weight (“weight”)');
  });

  it('public → the dataset’s weight or none, never another column; public without a weight → nothing to pick', async () => {
    const survey = (await loadSampleWaves()).at(-1)!.survey;
    expect(listWeightChoices(survey, { ...analyst, disclosure: 'public' }).map((choice) => choice.value)).toEqual(['1', '0']);
    expect(listWeightChoices(survey, { weighted: false, disclosure: 'public' })).toEqual([]);
  });

  it.each<[boolean | string, 'analyst' | 'public', string]>([
    [true, 'analyst', '1'],
    [false, 'analyst', '0'],
    ['salary_usd', 'analyst', 'salary_usd'],
    // a column in a public state never applies: the dataset's own weight is what the figures use
    ['salary_usd', 'public', '1'],
  ])('currentWeightChoice(weighted %j, %s) → %j', (weighted, disclosure, expected) => {
    expect(currentWeightChoice({ weighted }, { ...analyst, disclosure })).toBe(expected);
  });
});
