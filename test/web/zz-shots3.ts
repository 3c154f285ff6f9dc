import { startTestServer } from "/work/main/test/helpers/test-server.js";
import { launchBrowser } from "/work/main/test/web/browser.js";
import { ZaloPerson, MessengerPerson, quickReport } from "/work/main/test/dialogs/chat.js";
import { MemoryStore } from "/work/main/src/store/memory-store.js";
const s = await startTestServer({ ADMIN_PASSWORD: "mat-khau-thu-nghiem" });
const z = new ZaloPerson(s);
const code = await quickReport(z);
const z2 = new ZaloPerson(s, "2512523625412515999");
await z2.say("Ở đình làng có người vẽ bậy lên tường, tối qua");
await z2.location(21.18, 106.07);
await z2.say("hôm qua");
await z2.image("https://example.org/anh.jpg");
await z2.say("xong");
await z2.say("Trần Thị Bình 0987654321");
console.log(await z2.tap("report:submit"));
const m = new MessengerPerson(s);
await m.say("cho tôi gặp cán bộ");
await m.say("Tôi muốn hỏi về lịch hát quan họ ở đình");
await z.say("abc xyz qwerty");
await z.say("giá vé máy bay đi Hà Nội");
await s.store.collection("registrations").set("LH-2026-0001", { code: "LH-2026-0001", packId: "vo-cuong", classId: "lop-quan-ho-vo-cuong", fullName: "Lê Văn Cường", phone: "0911222333", status: "registered", attendance: ["2026-11-21"], person: { key: "zalo:x:y", channel: "zalo", accountId: "x", userId: "y" }, language: "vi", createdAt: Date.now() - 86400000 });
await s.store.collection("registrations").set("LH-2026-0002", { code: "LH-2026-0002", packId: "vo-cuong", classId: "lop-quan-ho-vo-cuong", fullName: "Phạm Thu Hà", phone: "0911222444", child: { name: "Bé Na", age: 9 }, status: "waiting", attendance: [], person: { key: "zalo:x:z", channel: "zalo", accountId: "x", userId: "z" }, language: "vi", createdAt: Date.now() });
const pages = (process.env.PAGES ?? "").split(",");
for (const [name, vp] of [["phone", { width: 390, height: 844 }], ["desk", { width: 1280, height: 900 }]] as const) {
  const b = await launchBrowser(vp);
  const p = b.page;
  p.on("pageerror", (e) => console.log("pageerror:", e.message));
  p.on("console", (msg) => msg.type() === "error" && console.log("console:", msg.text()));
  await p.goto(s.url + "/admin/login");
  await p.fill("#username", "admin"); await p.fill("#password", "mat-khau-thu-nghiem");
  await p.click("button[type=submit]"); await p.waitForLoadState();
  for (const path of pages) {
    await p.goto(s.url + path.replace("CODE", code));
    const file = `/tmp/webtry/${name}-${path.replace(/[^a-z0-9]+/gi, "_")}.png`;
    await p.screenshot({ path: file, fullPage: process.env.FULL === "1" });
    console.log(file);
  }
  await b.close();
}
await s.stop();
