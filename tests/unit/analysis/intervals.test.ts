import { describe, expect, it } from 'vitest';
import { kishEffectiveBase, logitInterval, wilsonInterval } from '../../../lib/analysis/intervals';

/** z for 95%: Φ⁻¹(0.975) = 1.959963984540054 (R qnorm(0.975)); z² = 3.841458820694124. */
describe('wilsonInterval', () => {
  it.each<[string, number, number, number, number]>([
    // 3/10: p = 0.3, z²/n = 0.38414588
    //   centre = (p + z²/2n) / (1 + z²/n) = (0.3 + 0.19207294) / 1.38414588 = 0.35550656
    //   half   = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n) = 1.959964·√(0.021 + 0.00960365) / 1.38414588
    //          = 1.959964 · 0.17493898 / 1.38414588 = 0.24771530
    //   → (0.10779126, 0.60322186); R prop.test(3, 10, correct = FALSE): 0.107791267406, 0.603221852539
    ['3/10', 3, 10, 0.107791267406, 0.603221852539],
    // 0/10: centre = half = (z²/2n)/(1 + z²/n) = 0.19207294 / 1.38414588 = 0.13876640
    //   → (0, 2·0.13876640) = (0, 0.27753280); R: 0, 0.277532799863
    ['0/10', 0, 10, 0, 0.277532799863],
    // 10/10 mirrors 0/10: (1 − 0.27753280, 1); R: 0.722467200137, 1
    ['10/10', 10, 10, 0.722467200137, 1],
    // 4/8: symmetric around 0.5; z²/n = 0.48018235, half = 1.959964·√(0.03125 + 0.01500570)/1.48018235 = 0.28478394
    //   R prop.test(4, 8, correct = FALSE): 0.215216062214, 0.784783937786
    ['4/8', 4, 8, 0.215216062214, 0.784783937786],
  ])('wilsonInterval(%s) → (%s, %s)', (_, count, base, low, high) => {
    const interval = wilsonInterval(count, base);
    expect(interval.low).toBeCloseTo(low, 10);
    expect(interval.high).toBeCloseTo(high, 10);
    expect(interval.low).toBeGreaterThanOrEqual(0);
    expect(interval.high).toBeLessThanOrEqual(1);
  });

  it('wilsonInterval(3, 10, 0.9) uses z = 1.644854 → (0.126877, 0.558300) (R prop.test(3, 10, conf.level = 0.9))', () => {
    // z² = 2.70554345; z²/n = 0.27055435; centre = (0.3 + 0.13527717)/1.27055435 = 0.34258839
    // half = 1.644854·√(0.021 + 0.00676386)/1.27055435 = 1.644854 · 0.16662488 / 1.27055435 = 0.21571181
    const interval = wilsonInterval(3, 10, 0.9);
    expect(interval.low).toBeCloseTo(0.12687658, 7);
    expect(interval.high).toBeCloseTo(0.5583002, 7);
  });

  it('wilsonInterval(x, 0) → NaN bounds: no base, no interval', () => {
    const interval = wilsonInterval(0, 0);
    expect(Number.isNaN(interval.low) && Number.isNaN(interval.high)).toBe(true);
  });

  it('wilsonInterval narrows as the base grows at the same share (3/10 wider than 30/100)', () => {
    const small = wilsonInterval(3, 10);
    const large = wilsonInterval(30, 100);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe('logitInterval', () => {
  it('logitInterval({ share 0.25, variance 0.0025, n 11 }) → (0.155410, 0.376497)', () => {
    // logit 0.25 = ln(1/3) = −1.0986123; se on the logit scale = √0.0025 / (0.25·0.75) = 0.05/0.1875 = 0.2666667
    // t(10) = 2.2281389; t·se = 0.5941704
    // low  = expit(−1.0986123 − 0.5941704) = expit(−1.6927827) = 1/(1 + 5.43457) = 0.155410
    // high = expit(−1.0986123 + 0.5941704) = expit(−0.5044419) = 1/(1 + 1.656061) = 0.376497
    // R: plogis(qlogis(0.25) + c(−1, 1) · qt(0.975, 10) · 0.05/0.1875) = 0.155410245108, 0.376497368421
    const interval = logitInterval({ share: 0.25, variance: 0.0025, n: 11 });
    expect(interval.low).toBeCloseTo(0.155410245108, 10);
    expect(interval.high).toBeCloseTo(0.376497368421, 10);
  });

  it('logitInterval({ share 0.5, variance 10/108, n 4 }) → (0.020361, 0.979639), R svyciprop on y = 1,1,0,0 with w = 1,2,1,2', () => {
    // Σw = 6, p = 3/6; Σw²(y − p)² = 0.25·(1 + 4 + 1 + 4) = 2.5; var = 4/3 · 2.5 / 36 = 0.0925926
    // se = 0.3042903 / 0.25 = 1.2171612 on the logit scale; t(3) = 3.1824463; t·se = 3.8735499
    // expit(∓3.8735499) = 1/(1 + 48.1133) = 0.0203611…; R: 0.020361250177, 0.979638749823
    const interval = logitInterval({ share: 0.5, variance: 10 / 108, n: 4 });
    expect(interval.low).toBeCloseTo(0.020361250177, 9);
    expect(interval.high).toBeCloseTo(0.979638749823, 9);
    expect(interval.low + interval.high).toBeCloseTo(1, 12); // symmetric around 0.5 on the logit scale
  });

  it.each<[number, number]>([
    [0, 0],
    [1, 1],
  ])('logitInterval({ share %d }) collapses to the point (no logit of 0 or 1)', (share, point) => {
    expect(logitInterval({ share, variance: 0, n: 20 })).toEqual({ low: point, high: point });
  });

  it.each<[string, number, number]>([
    ['n = 1', 0.5, 1],
    ['n = 0', 0.5, 0],
    ['share NaN', NaN, 10],
  ])('logitInterval(%s) → NaN bounds', (_, share, n) => {
    const interval = logitInterval({ share, variance: 0.01, n });
    expect(Number.isNaN(interval.low) && Number.isNaN(interval.high)).toBe(true);
  });
});

describe('kishEffectiveBase', () => {
  it.each<[string, number[], number]>([
    ['four equal weights', [1, 1, 1, 1], 4], // 16/4
    ['equal weights of 2.5', [2.5, 2.5, 2.5], 3], // 7.5²/18.75 = 56.25/18.75
    ['1 and 3', [1, 3], 1.6], // 4² / (1 + 9) = 16/10
    ['2, 1, 1, 0.5, 1, 1.5, 1, 2, 1, 1', [2, 1, 1, 0.5, 1, 1.5, 1, 2, 1, 1], 96 / 11], // 12² / 16.5
    ['a zero weight adds nothing', [1, 1, 0], 2], // 2²/2
    ['no weights', [], 0],
    ['only zero weights', [0, 0], 0],
  ])('kishEffectiveBase(%s) → %s', (_, weights, expected) => {
    expect(kishEffectiveBase(weights)).toBeCloseTo(expected, 12);
  });

  it('kishEffectiveBase reads any iterable (a Float64Array)', () => {
    expect(kishEffectiveBase(Float64Array.from([1, 3]))).toBeCloseTo(1.6, 12);
  });
});
