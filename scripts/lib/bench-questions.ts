/** Questions people ask, in the styles the bot must handle (`npm run bench`'s end-to-end phase and bench:answer-path). */
export const BENCH_QUESTIONS = [
  "hội lim năm nay ngày nào",
  "hoi lim nam 2027 ngay nao vay ad",
  "chợ âm dương họp đêm nào",
  "quan họ được unesco công nhận năm nào",
  "cho e dk 1 suat hoc quan ho voi",
  "số điện thoại phòng văn hóa",
  "When is the Lim festival?",
  "mục tiêu đến năm 2030 của kế hoạch là gì",
  "xin chào",
  "cảm ơn ad nhiều",
];
