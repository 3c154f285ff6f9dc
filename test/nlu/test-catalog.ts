import type { CatalogEntry } from "../../src/nlu/index.js";

/** A small, fixed catalogue for the NLU tests (independent of content/, which teammates edit). */
export const TEST_CATALOG: CatalogEntry[] = [
  { id: "hoi-lim", kind: "festival", names: ["Hội Lim", "Lim Festival", "林会", "림 축제", "hoi lim", "le hoi lim", "林庙会", "림 페스티벌"] },
  { id: "le-hoi-den-do", kind: "festival", names: ["Lễ hội Đền Đô", "Do Temple Festival"] },
  { id: "cho-am-duong", kind: "festival", names: ["Chợ Âm Dương", "Am Duong Market", "阴阳集市", "음양 시장", "cho am duong"] },
  { id: "quan-ho-bac-ninh", kind: "heritage", names: ["Dân ca Quan họ Bắc Ninh", "Quan ho folk songs", "北宁官贺民歌", "박닌 관호 민요", "quan ho", "quan họ", "官贺", "관호"] },
  { id: "van-mieu-bac-ninh", kind: "heritage", names: ["Văn Miếu Bắc Ninh", "Bac Ninh Temple of Literature", "van mieu"] },
  { id: "lop-quan-ho", kind: "class", names: ["Lớp truyền dạy Quan họ", "Quan ho class", "lop quan ho"] },
  { id: "lop-giay-do", kind: "class", names: ["Lớp làm giấy dó", "Do paper class", "lop giay do"] },
  { id: "phong-van-hoa", kind: "contact", names: ["Phòng Văn hóa - Xã hội", "Culture and Society Office", "phong van hoa"] },
];
