/**
 * A shared location outside a dialog: the nearest heritage sites and festival places of the pack, with the
 * distance as the crow flies and a map link for each. Items without coordinates in content are left out (their
 * place is not known from a source); when none has coordinates (the packs as shipped: coordinates are added by staff
 * with their source), the person is told so and offered the festival and heritage lists, asking by name, and staff.
 *
 * @example nearbyReply(pack, { latitude: 21.04, longitude: 106.08 }, "vi").text
 * // "Gần bạn nhất (theo đường chim bay):\n1. Chùa Dâu – khoảng 0,5 km …"
 */
import type { ContentPack, GeoPoint } from "../../content/index.js";
import type { Choice, GeoLocation, Reply } from "../../core/message.js";
import { mainMenu, MENU } from "../../shared/menu.js";
import type { AnswerLanguage } from "./answer-input.js";
import { lines, speaker } from "./answer-text.js";

/** How many places an answer lists. */
export const NEARBY_MAX = 5;
/** Beyond this, the places are said to be far (the pack covers one ward or province). */
const FAR_KM = 50;
const EARTH_RADIUS_KM = 6371;

interface Place {
  payload: string;
  name: string;
  kind: "heritage" | "festival";
  point: GeoPoint;
  km: number;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/** A link that opens the point in the phone's map app (Google Maps URLs, no key needed). */
export function mapLink(point: { lat: number; lng: number }): string {
  return `https://www.google.com/maps/search/?api=1&query=${point.lat},${point.lng}`;
}

/** The places of the pack nearest to `here`, nearest first. */
export function nearestPlaces(pack: ContentPack, here: GeoLocation, lang: AnswerLanguage): Place[] {
  const say = speaker(lang);
  const from = { lat: here.latitude, lng: here.longitude };
  const places: Place[] = [];
  for (const item of pack.heritage) {
    if (item.location) places.push({ payload: `heritage:${item.id}`, name: say.text(item.names), kind: "heritage", point: item.location, km: distanceKm(from, item.location) });
  }
  for (const festival of pack.festivals) {
    if (festival.location) places.push({ payload: `festival:${festival.id}`, name: say.text(festival.names), kind: "festival", point: festival.location, km: distanceKm(from, festival.location) });
  }
  return places.sort((a, b) => a.km - b.km).slice(0, NEARBY_MAX);
}

function kmText(km: number, lang: AnswerLanguage): string {
  const rounded = km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
  // Vietnamese writes a decimal comma; English, Chinese and Korean a point.
  return lang === "vi" ? `${String(rounded).replace(".", ",")} km` : `${rounded} km`;
}

/** The answer to a shared location. */
export function nearbyReply(pack: ContentPack, here: GeoLocation, lang: AnswerLanguage): Reply {
  const say = speaker(lang);
  const places = nearestPlaces(pack, here, lang);
  if (places.length === 0) {
    return {
      text: say.phrase({
        vi: "Mình đã nhận vị trí của bạn, nhưng mình chưa có tọa độ của di tích hay lễ hội nào nên chưa tìm được nơi gần bạn. Bạn chọn một danh sách bên dưới, nhắn tên nơi bạn muốn tìm, hoặc chọn “Gặp cán bộ” nhé.",
        en: "I got your location, but I do not have the coordinates of any site or festival yet, so I cannot tell what is near you. Pick a list below, write the name of the place you are looking for, or choose “Talk to staff”.",
        zh: "已收到您的位置，但我还没有任何景点或节日的坐标，所以无法知道您附近有什么。请在下面选择一个列表、输入您要找的地方的名称，或选择“人工客服”。",
        ko: "위치를 받았지만, 아직 유적지나 축제의 좌표가 없어 근처에 무엇이 있는지 알 수 없어요. 아래 목록을 고르시거나, 찾으시는 곳의 이름을 입력하시거나, ‘직원 연결’을 선택해 주세요.",
      }),
      // The menu's own titles (in the person's language): festivals, heritage, staff.
      choices: mainMenu(lang).filter((choice) => choice.payload === MENU.festivals || choice.payload === MENU.heritage || choice.payload === MENU.handoff),
    };
  }
  const far = places[0].km > FAR_KM;
  const kindWord = (kind: Place["kind"]) => say.phrase(kind === "heritage" ? { vi: "di tích", en: "site", zh: "景点", ko: "유적지" } : { vi: "lễ hội", en: "festival", zh: "节日", ko: "축제" });
  const listed = places.map((place, i) => `${i + 1}. ${place.name} (${kindWord(place.kind)}) – ${say.phrase({ vi: "khoảng", en: "about", zh: "约", ko: "약" })} ${kmText(place.km, lang)}`);
  const choices: Choice[] = places.map((place) => ({ title: place.name, payload: place.payload }));
  return {
    text: lines(
      far
        ? say.phrase({ vi: "Các địa điểm mình biết đều cách bạn khá xa. Gần nhất (theo đường chim bay):", en: "The places I know are all quite far from you. Nearest (as the crow flies):", zh: "我知道的地方离您都比较远。最近的几处（直线距离）：", ko: "제가 아는 곳은 모두 꽤 멀어요. 가장 가까운 곳(직선거리):" })
        : say.phrase({ vi: "Gần bạn nhất (theo đường chim bay):", en: "Nearest to you (as the crow flies):", zh: "离您最近的地方（直线距离）：", ko: "가장 가까운 곳(직선거리):" }),
      listed.join("\n"),
      places.some((place) => place.point.approximate) && say.phrase({ vi: "Vị trí trên bản đồ là gần đúng.", en: "Map positions are approximate.", zh: "地图上的位置为大致位置。", ko: "지도상의 위치는 대략적인 위치입니다." }),
      say.phrase({ vi: "Chọn một mục để xem thông tin.", en: "Pick one to read about it.", zh: "选择一项即可查看详情。", ko: "항목을 선택하면 자세히 볼 수 있어요." }),
    ),
    // One link per place on the map: a festival held at a listed site shares its link.
    links: [...new Map(places.map((place) => [mapLink(place.point), place.name])).entries()].map(([url, name]) => ({ title: `${say.phrase({ vi: "Bản đồ", en: "Map", zh: "地图", ko: "지도" })} – ${name}`, url })),
    choices,
  };
}
