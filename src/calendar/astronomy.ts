// The astronomy behind the lunar calendar: instants of new moons, the sun's apparent longitude and ΔT.
// Formulas from Jean Meeus, "Astronomical Algorithms", 2nd ed. (1998): chapter 49 (phases of the Moon),
// chapter 25 (solar coordinates, low accuracy), chapter 7 (Julian Day); ΔT from the polynomial fits of
// Espenak & Meeus (NASA Five Millennium Canon of Solar Eclipses, 2006). Written from those formulas.

const RAD = Math.PI / 180;

/** Mean synodic month in days (Meeus eq. 49.1). */
export const SYNODIC_MONTH = 29.530588861;

// ==========================================================================
// Julian Day Numbers (Gregorian calendar)
// ==========================================================================

/**
 * The Julian Day Number of a Gregorian date (the JD at noon of that day, as an integer).
 * @example jdnFromDate(2000, 1, 1) // 2451545
 */
export function jdnFromDate(year: number, month: number, day: number): number {
  // Integer form of Meeus ch. 7 (Fliegel–Van Flandern), valid for every Gregorian date we handle.
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/**
 * The Gregorian date of a Julian Day Number.
 * @example dateFromJdn(2451545) // { year: 2000, month: 1, day: 1 }
 */
export function dateFromJdn(jdn: number): { year: number; month: number; day: number } {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

// ==========================================================================
// ΔT = TT − UT
// ==========================================================================

/**
 * ΔT (Terrestrial Time minus Universal Time) in seconds for a decimal year, from the Espenak–Meeus
 * polynomials. Accurate to about a minute over 1800–2100; its error only matters for a new moon
 * within a minute of local midnight.
 * @example deltaTSeconds(2000) // ≈ 63.9
 */
export function deltaTSeconds(year: number): number {
  const y = year;
  if (y < 1800) {
    const u = (y - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (y < 1860) {
    const t = y - 1800;
    return 13.72 - 0.332447 * t + 0.0068612 * t ** 2 + 0.0041116 * t ** 3 - 0.00037436 * t ** 4
      + 0.0000121272 * t ** 5 - 0.0000001699 * t ** 6 + 0.000000000875 * t ** 7;
  }
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  if (y < 2150) {
    const u = (y - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - y);
  }
  const u = (y - 1820) / 100;
  return -20 + 32 * u * u;
}

/** ΔT in days at a Julian Day (the year is close enough: ΔT changes by well under a second a year). */
function deltaTDays(jd: number): number {
  return deltaTSeconds(2000 + (jd - 2451545) / 365.25) / 86400;
}

/** Converts a Julian Ephemeris Day (TT) to a Julian Day in UT. */
export function ttToUt(jde: number): number {
  return jde - deltaTDays(jde);
}

/** Converts a Julian Day in UT to a Julian Ephemeris Day (TT). */
export function utToTt(jd: number): number {
  return jd + deltaTDays(jd);
}

// ==========================================================================
// New moon (Meeus ch. 49)
// ==========================================================================

function sinDeg(x: number): number {
  return Math.sin(x * RAD);
}

/**
 * The instant (Julian Ephemeris Day, TT) of the new moon number `k`, counted from the new moon of
 * 2000-01-06 (k = 0); negative k are earlier. Full ch. 49 series including the 14 planetary terms:
 * accurate to well under a minute over our range.
 * @example newMoonJde(-283) // ≈ 2443192.65118 (1977-02-18 03:37:42 TD, Meeus example 49.a)
 */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  let jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;

  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3; // sun's mean anomaly
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4; // moon's
  // Moon's argument of latitude. The 2nd edition's rate is 390.67050284; older formulations have
  // 390.67050646. A widely copied typo, 390.70050646, shifts hundreds of dates: do not "fix" this to it.
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;

  jde +=
    -0.4072 * sinDeg(Mp) +
    0.17241 * E * sinDeg(M) +
    0.01608 * sinDeg(2 * Mp) +
    0.01039 * sinDeg(2 * F) +
    0.00739 * E * sinDeg(Mp - M) -
    0.00514 * E * sinDeg(Mp + M) +
    0.00208 * E * E * sinDeg(2 * M) -
    0.00111 * sinDeg(Mp - 2 * F) -
    0.00057 * sinDeg(Mp + 2 * F) +
    0.00056 * E * sinDeg(2 * Mp + M) -
    0.00042 * sinDeg(3 * Mp) +
    0.00042 * E * sinDeg(M + 2 * F) +
    0.00038 * E * sinDeg(M - 2 * F) -
    0.00024 * E * sinDeg(2 * Mp - M) -
    0.00017 * sinDeg(Om) -
    0.00007 * sinDeg(Mp + 2 * M) +
    0.00004 * sinDeg(2 * Mp - 2 * F) +
    0.00004 * sinDeg(3 * M) +
    0.00003 * sinDeg(Mp + M - 2 * F) +
    0.00003 * sinDeg(2 * Mp + 2 * F) -
    0.00003 * sinDeg(Mp + M + 2 * F) +
    0.00003 * sinDeg(Mp - M + 2 * F) -
    0.00002 * sinDeg(Mp - M - 2 * F) -
    0.00002 * sinDeg(3 * Mp + M) +
    0.00002 * sinDeg(4 * Mp);

  // Planetary arguments A1..A14 and their coefficients (Meeus p. 351).
  const planetary: ReadonlyArray<readonly [number, number, number]> = [
    [299.77, 0.107408, 0.000325],
    [251.88, 0.016321, 0.000165],
    [251.83, 26.651886, 0.000164],
    [349.42, 36.412478, 0.000126],
    [84.66, 18.206239, 0.00011],
    [141.74, 53.303771, 0.000062],
    [207.14, 2.453732, 0.00006],
    [154.84, 7.30686, 0.000056],
    [34.52, 27.261239, 0.000047],
    [207.19, 0.121824, 0.000042],
    [291.34, 1.844379, 0.00004],
    [161.72, 24.198154, 0.000037],
    [239.56, 25.513099, 0.000035],
    [331.55, 3.592518, 0.000023],
  ];
  for (let i = 0; i < planetary.length; i++) {
    const [base, rate, coeff] = planetary[i];
    const arg = base + rate * k - (i === 0 ? 0.009173 * T2 : 0);
    jde += coeff * sinDeg(arg);
  }
  return jde;
}

// ==========================================================================
// Sun's apparent longitude (Meeus ch. 25, low accuracy: about 0.01°, typically far better)
// ==========================================================================

/**
 * The sun's apparent geocentric longitude in degrees [0, 360) at a Julian Ephemeris Day (TT).
 * @example sunLongitude(2448908.5) // ≈ 199.909 (1992-10-13 0h TD, Meeus example 25.a)
 */
export function sunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDeg(M) +
    (0.019993 - 0.000101 * T) * sinDeg(2 * M) +
    0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  // Nutation and aberration, as in Meeus eq. 25.8's "apparent" correction.
  const lambda = L0 + C - 0.00569 - 0.00478 * sinDeg(omega);
  return ((lambda % 360) + 360) % 360;
}
