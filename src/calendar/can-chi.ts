// The sexagenary (can chi) name of a lunar year, e.g. 2026 = Bính Ngọ.

const STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
const BRANCHES = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];
// Vietnam's zodiac has the Cat (Mão) where China has the Rabbit, and the Buffalo for Sửu.
const ANIMALS_EN = ["Rat", "Buffalo", "Tiger", "Cat", "Dragon", "Snake", "Horse", "Goat", "Monkey", "Rooster", "Dog", "Pig"];

/**
 * The can chi name of a lunar year (Vietnamese), e.g. for "Tết Bính Ngọ".
 * @example canChiOfYear(2026) // "Bính Ngọ"
 * @example canChiOfYear(1984) // "Giáp Tý"
 */
export function canChiOfYear(lunarYear: number): string {
  // 4 CE was a Giáp Tý year, the start of a 60-year cycle.
  const i = (((lunarYear - 4) % 60) + 60) % 60;
  return `${STEMS[i % 10]} ${BRANCHES[i % 12]}`;
}

/**
 * The zodiac animal of a lunar year in English, following the Vietnamese zodiac.
 * @example zodiacAnimalEn(2023) // "Cat"
 */
export function zodiacAnimalEn(lunarYear: number): string {
  return ANIMALS_EN[(((lunarYear - 4) % 12) + 12) % 12];
}
