import type { CatalogEntry } from "../../src/nlu/index.js";

/** A small, fixed catalogue for the NLU tests (independent of content/, which teammates edit). */
export const TEST_CATALOG: CatalogEntry[] = [
  { id: "hoi-lim", kind: "festival", names: ["Hội Lim", "Lim Festival", "hoi lim", "le hoi lim"] },
  { id: "le-hoi-den-do", kind: "festival", names: ["Lễ hội Đền Đô", "Do Temple Festival"] },
  { id: "cho-am-duong", kind: "festival", names: ["Chợ Âm Dương", "Am Duong Market", "cho am duong"] },
  { id: "quan-ho-bac-ninh", kind: "heritage", names: ["Dân ca Quan họ Bắc Ninh", "Quan ho folk songs", "quan ho", "quan họ"] },
  { id: "van-mieu-bac-ninh", kind: "heritage", names: ["Văn Miếu Bắc Ninh", "Bac Ninh Temple of Literature", "van mieu"] },
  { id: "lop-quan-ho", kind: "class", names: ["Lớp truyền dạy Quan họ", "Quan ho class", "lop quan ho"] },
  { id: "lop-giay-do", kind: "class", names: ["Lớp làm giấy dó", "Do paper class", "lop giay do"] },
  { id: "phong-van-hoa", kind: "contact", names: ["Phòng Văn hóa - Xã hội", "Culture and Society Office", "phong van hoa"] },
];
