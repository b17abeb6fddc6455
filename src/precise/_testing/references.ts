/**
 * Test references for src/precise, independent of its formulas.
 *
 * MPMATH: values from mpmath 1.3 (Python) at 400 digits (converse: direct formula of docs/theory.md, naive
 * subtraction, 400 digits absorb any cancellation) and at 70 digits with `mpmath.odefun` (general flow:
 * mpmath's own Taylor-series ODE solver, then alpha h(w), the linearized side in closed form), printed
 * with `nstr(x, 60)`. Scripts:
 *
 *   converse: mp.dps = 400; ys = sqrt(2 R0); kappa = T lip sqrt(R0)/alpha; c = 2 sqrt(2) kappa; s = t/T
 *     u = (exp((1+c)s) - 1)/(exp((1+c)s) + c); ubar = 1 - exp(-s); q = ys u / alpha
 *     w = (-a + sqrt(a^2 + 2 lip q))/lip with a = 1/sqrt(T); X = exp(1+c); E = ys ((X-1)/(X+c) - 1 + exp(-1))
 *   general: mp.dps = 70; f = odefun(lambda t, w: (a + b w)(ys - al (a w + b w^2/2))/al, 0, w0); w = f(t)
 *
 * naiveConverseE: the same direct formula in decimal.js at a precision that covers the cancellation
 * (digits + 2 |log10 c| + 40), a second reference that shares no rearrangement with the code under test.
 */
import { Decimal } from 'decimal.js';

export interface ConverseCase {
  readonly alpha: string;
  readonly T: string;
  readonly lip: string;
  readonly R0: string;
  readonly t?: string;
  readonly expected: Readonly<Record<'kappa' | 'c' | 'u' | 'ubar' | 'w' | 'E' | 'lowerBound' | 'upperBound', string>>;
}

export const MPMATH_CONVERSE = {
  kappaOne: {
    alpha: '1',
    T: '1',
    lip: '1',
    R0: '1',
    expected: {
      kappa: '1',
      c: '2.82842712474619009760337744841939615713934375075389614635336',
      u: '0.921578469157121390758988403045104791234305547671800514521185',
      ubar: '0.632120558828557678404476229838539132554188868968232165492163',
      w: '0.899109670278699909720109974045291097195404697322138068699823',
      E: '0.409355302522829991172888384118494525160856044486682712193858',
      lowerBound: '0.2',
      upperBound: '2.82842712474619009760337744841939615713934375075389614635336',
    },
  },
  kappaTiny: {
    alpha: '1',
    T: '1',
    lip: '1e-40',
    R0: '1',
    expected: {
      kappa: '1e-40',
      c: '2.82842712474619009760337744841939615713934375075389614635336e-40',
      u: '0.632120558828557678404476229838539132554227147566836329861748',
      ubar: '0.632120558828557678404476229838539132554188868968232165492163',
      w: '0.893953467350206152443536280893365540483555250261042424607679',
      E: '5.41341132946450767575997979889937613630524845644042720191374e-41',
      lowerBound: '2e-41',
      upperBound: '6e-40',
    },
  },
  kappaHuge: {
    alpha: '1',
    T: '1',
    lip: '1e6',
    R0: '1',
    expected: {
      kappa: '1e6',
      c: '2828427.12474619009760337744841939615713934375075389614635336',
      u: '1',
      ubar: '0.632120558828557678404476229838539132554188868968232165492163',
      w: '0.00168079312780918155873418629252844745883525319297321846927933',
      E: '0.520260095022888896358152443316332538086130801589110920840888',
      lowerBound: '0.2',
      upperBound: '2.82842712474619009760337744841939615713934375075389614635336',
    },
  },
  odd: {
    alpha: '0.37',
    T: '12.5',
    lip: '0.0031',
    R0: '2.7',
    t: '3.3',
    expected: {
      kappa: '0.172088506243177191052358749325927697491909650793285279199666',
      c: '0.486739798915256446380637408351031302442515835935294522800871',
      u: '0.244318783205167531991000704900066911967957664236274982763065',
      ubar: '0.23202646034329382652648222630115073328153556364433313896178',
      w: '5.27273522319276952213737566292422569560365110090456070504681',
      E: '0.151147845177231660109248424408735671800083374198525941718272',
      lowerBound: '0.0565540540540540540540540540540540540540540540540540540540541',
      upperBound: '1.69662162162162162162162162162162162162162162162162162162162',
    },
  },
  scaledTiny: {
    alpha: '1e6',
    T: '1e-4',
    lip: '1e-4',
    R0: '1e-6',
    expected: {
      kappa: '1e-17',
      c: '2.82842712474619009760337744841939615713934375075389614635336e-17',
      u: '0.632120558828557682232336090254976090039602662151000408356588',
      ubar: '0.632120558828557678404476229838539132554188868968232165492163',
      w: '8.93953467350206153861183601420592715202899688735467036385327e-12',
      E: '5.41341132946450767442198553809369472306538965124806883978814e-21',
      lowerBound: '2e-21',
      upperBound: '6e-20',
    },
  },
  earlyTime: {
    alpha: '2.5',
    T: '7',
    lip: '0.4',
    R0: '0.09',
    t: '0.001',
    expected: {
      kappa: '0.336',
      c: '0.950351513914719872794734822668917108798819500253309105174729',
      u: '0.000142856635317574171421041572689567042418519877236917899870267',
      ubar: '0.000142846939261401499871073655303390674799188288443868590087006',
      w: '0.0000641402932621561304282804176683318499189334842080974379336282',
      E: '0.0524054093017876253109909922493753241350240765068146105113048',
      lowerBound: '0.02016',
      upperBound: '0.6048',
    },
  },
  kappa1e16: {
    alpha: '1e-3',
    T: '1e6',
    lip: '1e4',
    R0: '1e6',
    expected: {
      kappa: '10000000000000000',
      c: '28284271247461900.9760337744841939615713934375075389614635336',
      u: '1',
      ubar: '0.632120558828557678404476229838539132554188868968232165492163',
      w: '16.8179282050742911579242882753445619523743802193967685206434',
      E: '520.260095022888896358152443316332538086130801589110920840888',
      lowerBound: '200',
      upperBound: '2828.42712474619009760337744841939615713934375075389614635336',
    },
  },
  kappa1e16Early: {
    alpha: '1e-3',
    T: '1e6',
    lip: '1e4',
    R0: '1e6',
    t: '1e-9',
    expected: {
      kappa: '10000000000000000',
      c: '28284271247461900.9760337744841939615713934375075389614635336',
      u: '0.0000679404512038998511510913044001735975124936214100831532428207',
      ubar: '0.000000000000000999999999999999500000000000000166666666666666625',
      w: '0.138623352219566832388602204739114481876342317051453720345297',
      E: '520.260095022888896358152443316332538086130801589110920840888',
      lowerBound: '200',
      upperBound: '2828.42712474619009760337744841939615713934375075389614635336',
    },
  },
} as const satisfies Readonly<Record<string, ConverseCase>>;

export interface GeneralCase {
  readonly a: string;
  readonly b: string;
  readonly w0: string;
  readonly yStar: string;
  readonly alpha: string;
  readonly t: string;
  readonly expected: Readonly<Record<'v' | 'vbar' | 'w' | 'wbar' | 'E', string>>;
}

export const MPMATH_GENERAL = {
  targetNegative: {
    a: '1',
    b: '-1',
    w0: '0.3',
    yStar: '-2',
    alpha: '1.5',
    t: '2',
    expected: {
      v: '-1.98840031219065256371371664492166625045200841029380760000458',
      vbar: '-1.10582130698654059901325831862238300636713761435242601222824',
      w: '-0.910811454920187414115796547204783821808443534658643376113713',
      wbar: '-1.11744886379670533239357935106893619654013106128802477355071',
      E: '0.882579005204111964700458326299283244084870795941381587776335',
    },
  },
  doubleRoot: {
    a: '1',
    b: '-1',
    w0: '0',
    yStar: '0.5',
    alpha: '1',
    t: '2',
    expected: {
      v: '0.333333333333333333333333333333333333333333333333333333333333',
      vbar: '0.432332358381693654053000252513757798296184227045212059265921',
      w: '0.422649730810374235490851219498042544352398248729873123981398',
      wbar: '0.432332358381693654053000252513757798296184227045212059265921',
      E: '0.0989990250483603207196669191804244649628508937118787259325872',
    },
  },
  slopeNegative: {
    a: '0.5',
    b: '2',
    w0: '-1',
    yStar: '1',
    alpha: '0.7',
    t: '2',
    expected: {
      v: '0.999988629703264069617027918069364027744068355636852911412826',
      vbar: '0.99277915225014250077750696271349515694849947612124863535283',
      w: '-1.47108770581411441967113148299194902187679209036526983996912',
      wbar: '-1.61217062119061190550238758353666205423666616773452250985984',
      E: '0.00720947745312156883952095535586887079556887951560427605999595',
    },
  },
  unreachable: {
    a: '1',
    b: '-1',
    w0: '0',
    yStar: '2',
    alpha: '1',
    t: '2',
    expected: {
      v: '0.499069891556668004355735761661745836762034356992192664040024',
      vbar: '1.72932943352677461621200101005503119318473690818084823706368',
      w: '0.956869768298048858168727740430124028184865260784575032857954',
      wbar: '1.72932943352677461621200101005503119318473690818084823706368',
      E: '1.23025954197010661185626524839328535642270255118865557302366',
    },
  },
  mixedSigns: {
    a: '-0.8',
    b: '0.3',
    w0: '1.2',
    yStar: '-0.4',
    alpha: '2.5',
    t: '0.7',
    expected: {
      v: '-1.65328836361558616627300368047844038566796205037801746813764',
      vbar: '-1.67496207837901799120638053794747920318968762241372905321376',
      w: '1.02278645768866817248037772615952638803872284249253130902044',
      wbar: '1.03178370761728908291489139813407200289971602037611732110342',
      E: '0.0216737147634318249333768574690388175217255720357115850761198',
    },
  },
} as const satisfies Readonly<Record<string, GeneralCase>>;

/** A 60-digit mpmath value rounded (half-even) to `digits` significant digits, for string comparison. */
export function roundedReference(value: string, digits: number): string {
  const R = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN });
  return new R(value).toSignificantDigits(digits).toString();
}

/** E(T) by the direct formula of docs/theory.md (naive subtraction) with enough digits to absorb the cancellation. */
export function naiveConverseE(p: { alpha: string; T: string; lip: string; R0: string }, digits: number): Decimal {
  const probe = Decimal.clone({ precision: 30 });
  const c30 = new probe(p.lip)
    .times(p.T)
    .times(probe.sqrt(new probe(p.R0).times(8)))
    .div(p.alpha);
  const H = Decimal.clone({ precision: digits + 2 * Math.ceil(Math.abs(c30.log(10).toNumber())) + 40, rounding: Decimal.ROUND_HALF_EVEN });
  const c = new H(p.lip)
    .times(p.T)
    .times(H.sqrt(new H(p.R0).times(8)))
    .div(p.alpha);
  const X = H.exp(c.plus(1));
  return H.sqrt(new H(p.R0).times(2)).times(X.minus(1).div(X.plus(c)).minus(1).plus(H.exp(-1)));
}
