import { afterEach, describe, expect, it } from "vitest";
import nock from "nock";
import { loadContent } from "../../../src/content/index.js";
import { distanceKm, mapLink, nearbyReply, nearestPlaces } from "../../../src/features/answers/nearby.js";
import { Knowledge } from "../../../src/shared/knowledge.js";
import { locatedContent, put, TEST_PLACES, tempContent } from "../../content/temp-content.js";
import { MessengerPerson, ZaloPerson } from "../../helpers/chat.js";
import { startTestServer, type TestServer } from "../../helpers/test-server.js";

/**
 * A location shared outside a dialog (issue 14, item 2): the nearest heritage sites and festival places with their
 * distance and a map link, on Zalo and Messenger through signed webhooks. The real packs carry no coordinates until
 * staff add sourced ones, so these tests run on a temporary pack with test coordinates (test/content/temp-content.ts);
 * a pack with none gets a helpful answer (the lists, asking by name, staff), never silence or "chưa hiểu".
 */

const located = new Knowledge(loadContent(locatedContent()), "ward");
const unlocated = new Knowledge(loadContent(tempContent()), "ward");

let servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers) await server.stop();
  servers = [];
  nock.cleanAll();
});
async function serverWith(knowledge: Knowledge): Promise<TestServer> {
  const server = await startTestServer({}, { knowledge });
  servers.push(server);
  return server;
}

/** A point just north of the "north" site: north first, then the festival, then south. */
const NEAR_NORTH = { latitude: 21.195, longitude: 106.1 };

describe("a shared location, places with coordinates", () => {
  it("on Zalo lists the nearest places, nearest first, with distance, map links and choices that open them", async () => {
    const person = new ZaloPerson(await serverWith(located), "near-zalo");
    const text = await person.location(NEAR_NORTH.latitude, NEAR_NORTH.longitude);
    expect(text).toContain("Gần bạn nhất (theo đường chim bay):");
    expect(text).toMatch(/1\. Đình Bắc Thử \(di tích\) – khoảng 0,6 km/);
    expect(text).toMatch(/2\. Hội Phường \(lễ hội\) – khoảng 1,7 km/);
    expect(text).toMatch(/3\. Chùa Nam Thử \(di tích\) – khoảng 22 km/);
    // Without a point of its own (an area), an item is never listed as near.
    expect(text).not.toContain("Làng nghề Thử");
    expect(text).toContain(mapLink(TEST_PLACES.north));
    expect(text).not.toContain("gần đúng"); // no point here is marked approximate
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["heritage:dinh-bac", "festival:hoi-phuong", "heritage:chua-nam"]);
    expect(text).not.toContain("chưa hiểu");
    // A choice opens the card.
    expect(await person.tap("heritage:dinh-bac")).toContain("Đình Bắc Thử");
  });

  it("on Messenger too, in English for an English speaker", async () => {
    const person = new MessengerPerson(await serverWith(located), "near-fb");
    await person.say("hello, I speak English");
    const text = await person.location(TEST_PLACES.south.lat + 0.001, TEST_PLACES.south.lng);
    expect(text).toContain("Nearest to you (as the crow flies):");
    expect(/1\. (.+) \(/.exec(text)?.[1]).toBe("Chùa Nam Thử (en)");
    expect(JSON.stringify(person.bodies)).toContain(mapLink(TEST_PLACES.south));
  });

  it("in Korean for a Korean speaker: the kinds, 'about N km' and the closing line in Korean, no fallback note", async () => {
    const person = new ZaloPerson(await serverWith(located), "near-ko");
    await person.say("안녕하세요");
    const text = await person.location(NEAR_NORTH.latitude, NEAR_NORTH.longitude);
    expect(text).toContain("가장 가까운 곳(직선거리):");
    expect(text).toMatch(/1\. \S.* \(유적지\) – 약 0\.6 km/);
    expect(text).toMatch(/2\. \S.* \(축제\) – 약 1\.7 km/);
    expect(text).toContain("항목을 선택하면 자세히 볼 수 있어요.");
    expect(text).not.toMatch(/Nearest|Gần bạn|Pick one/);
  });

  it("far from every place, says so", async () => {
    const person = new ZaloPerson(await serverWith(located), "far-zalo");
    // Hồ Chí Minh City: over 1 000 km away.
    const text = await person.location(10.776, 106.7);
    expect(text).toContain("Các địa điểm mình biết đều cách bạn khá xa");
  });
});

describe("a shared location, no place has coordinates", () => {
  it("says so and offers the festival and heritage lists, asking by name, and staff: never silent, never 'chưa hiểu'", async () => {
    const person = new ZaloPerson(await serverWith(unlocated), "none-zalo");
    const text = await person.location(NEAR_NORTH.latitude, NEAR_NORTH.longitude);
    expect(text).toContain("Mình đã nhận vị trí của bạn, nhưng mình chưa có tọa độ của di tích hay lễ hội nào");
    expect(text).toContain("nhắn tên nơi bạn muốn tìm");
    expect(text).not.toContain("chưa hiểu");
    expect(text).not.toContain("google.com/maps");
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["menu:festivals", "menu:heritage", "menu:handoff"]);
    // A second one is answered the same way: not counted as misunderstood, so no handoff.
    const again = await person.location(NEAR_NORTH.latitude, NEAR_NORTH.longitude);
    expect(again).toContain("chưa có tọa độ");
    expect(again).not.toMatch(/chuyển.*cán bộ|đã báo cán bộ/i);
  });

  it("in Chinese for a Chinese speaker, with the menu's Chinese titles", async () => {
    const person = new ZaloPerson(await serverWith(unlocated), "none-zh");
    await person.say("你好");
    const text = await person.location(21.1, 106.1);
    expect(text).toContain("已收到您的位置，但我还没有任何景点或节日的坐标");
    expect(person.received.at(-1)!.choices.map((c) => c.payload)).toEqual(["menu:festivals", "menu:heritage", "menu:handoff"]);
    expect(text).not.toContain("I got your location");
  });

  it("in English on Messenger", async () => {
    const person = new MessengerPerson(await serverWith(unlocated), "none-fb");
    await person.say("hello, I speak English");
    const text = await person.location(21.1, 106.1);
    expect(text).toContain("I do not have the coordinates of any site or festival yet");
    expect(person.received.at(-1)!.choices.map((c) => c.title)).toEqual(["Festivals", "Heritage", "Talk to staff"]);
  });
});

describe("nearest places", () => {
  it("distance: Bắc Ninh to Hà Nội is about 30 km", () => {
    expect(distanceKm({ lat: 21.186, lng: 106.076 }, { lat: 21.028, lng: 105.834 })).toBeGreaterThan(25);
    expect(distanceKm({ lat: 21.186, lng: 106.076 }, { lat: 21.028, lng: 105.834 })).toBeLessThan(35);
  });

  it("only located items, nearest first", () => {
    const near = nearestPlaces(located.content.pack("ward"), { latitude: 21.01, longitude: 106.1 }, "vi");
    expect(near.map((p) => p.payload)).toEqual(["heritage:chua-nam", "heritage:dinh-bac", "festival:hoi-phuong"]);
    expect(near.map((p) => p.km)).toEqual([...near.map((p) => p.km)].sort((a, b) => a - b));
    expect(nearestPlaces(unlocated.content.pack("ward"), { latitude: 21.01, longitude: 106.1 }, "vi")).toEqual([]);
  });

  it("says the map position is approximate when a listed point's source gives it only roughly", () => {
    const dir = locatedContent();
    put(dir, "ward/heritage.yaml", [
      { id: "dinh-bac", names: { vi: "Đình Bắc Thử" }, kind: "relic", description: { vi: "Mô tả" }, source: "Nguồn thử", location: { ...TEST_PLACES.north, source: "Bản đồ thử tỉ lệ nhỏ", approximate: true } },
    ]);
    const pack = loadContent(dir).pack("ward");
    expect(nearbyReply(pack, { latitude: 21.19, longitude: 106.1 }, "vi").text).toContain("Vị trí trên bản đồ là gần đúng.");
    expect(nearbyReply(located.content.pack("ward"), { latitude: 21.19, longitude: 106.1 }, "vi").text).not.toContain("gần đúng");
  });
});
