import { describe, expect, it } from "vitest";
import { CANCEL_PAYLOAD, defineDialog, EDIT_STEP, SUMMARY_STEP } from "../../src/dialogs/define-dialog.js";
import type { Step } from "../../src/dialogs/dialog.js";
import { nameStep } from "../../src/dialogs/person-steps.js";
import { REPORT_PAYLOADS, reportDialog, type ReportData } from "../../src/features/reports/report-dialog.js";
import { category, contact, contactName, contactPhone, description, evidence } from "../../src/features/reports/report-steps.js";
import type { Understanding } from "../../src/nlu/index.js";
import { REGISTRATION_PAYLOADS, registrationDialog, type RegistrationData } from "../../src/features/registration/registration-dialog.js";
import { choicePayload } from "../../src/shared/choice-payload.js";
import { fakeDialogContext } from "./fake-context.js";

/** Dialog steps and the declared "what next", one message at a time, with a fake context (no server). */

describe("a declared dialog", () => {
  interface Data {
    a?: string;
    b?: string;
    child?: boolean;
  }
  const ask = (text: string) => () => ({ text });
  const a: Step<Data> = { name: "a", answered: (d) => !!d.a, ask: ask("A?"), handle: (ctx, d) => ((d.a = ctx.text), { next: true }), edit: { title: { vi: "A", en: "A" }, clear: (d) => void delete d.a } };
  const b: Step<Data> = { name: "b", applies: (d) => !!d.child, answered: (d) => !!d.b, ask: ask("B?"), handle: (ctx, d) => ((d.b = ctx.text), { next: true }), edit: { title: { vi: "B", en: "B" }, clear: (d) => void delete d.b } };
  const submitted: Data[] = [];
  const dialog = defineDialog<Data>({
    name: "tiny",
    payloadPrefix: "tiny",
    steps: [a, b],
    summary: { text: (_ctx, d) => `a=${d.a} b=${d.b}`, prompt: { vi: "Gửi nhé?", en: "Send?" }, submitTitle: { vi: "Gửi", en: "Send" }, submit: async (_ctx, d) => void submitted.push(d) },
    ownIntents: [],
    cancelled: { vi: "Đã hủy.", en: "Cancelled." },
    resumeLine: { vi: "Quay lại:", en: "Back:" },
  });

  it("asks the first step that applies and is unanswered, then the summary", () => {
    expect(dialog.nextStep({})).toBe("a");
    expect(dialog.nextStep({ a: "x" })).toBe(SUMMARY_STEP);
    expect(dialog.nextStep({ a: "x", child: true })).toBe("b");
    expect(dialog.nextStep({ a: "x", b: "y", child: true })).toBe(SUMMARY_STEP);
  });

  it("the summary offers submit, edit and cancel, and submits on the submit choice", async () => {
    const summary = dialog.step(SUMMARY_STEP)!;
    const question = summary.ask(fakeDialogContext(), { a: "x" });
    expect(question.text).toBe("a=x b=undefined\n\nGửi nhé?");
    expect(question.choices).toEqual([
      { title: "Gửi", payload: "tiny:submit" },
      { title: "Sửa", payload: "tiny:edit" },
      { title: "Hủy", payload: CANCEL_PAYLOAD },
    ]);
    expect(await summary.handle(fakeDialogContext({ choice: "tiny:edit" }), { a: "x" })).toEqual({ goto: EDIT_STEP });
    expect(await summary.handle(fakeDialogContext({ text: "hmm" }), { a: "x" })).toEqual({ invalid: "Bạn chọn “Gửi”, “Sửa” hoặc “Hủy” giúp mình." });
    expect(await summary.handle(fakeDialogContext({ choice: "tiny:submit" }), { a: "x" })).toEqual({ done: true });
    expect(submitted).toEqual([{ a: "x" }]);
  });

  it("“Sửa” lists the items that apply; picking one clears it, so it is asked next", async () => {
    const edit = dialog.step(EDIT_STEP)!;
    expect(edit.ask(fakeDialogContext(), { a: "x" }).choices).toEqual([{ title: "A", payload: "tiny:edit:a" }]);
    const data: Data = { a: "x", b: "y", child: true };
    expect(await edit.handle(fakeDialogContext({ choice: "tiny:edit:b" }), data)).toEqual({ next: true });
    expect(data).toEqual({ a: "x", child: true });
    expect(dialog.nextStep(data)).toBe("b");
    expect(await edit.handle(fakeDialogContext({ choice: "tiny:edit:zzz" }), data)).toEqual({ invalid: "Bạn chọn một mục trong danh sách." });
  });

  it("owns its own payloads and the shared dialog ones", () => {
    expect(dialog.ownsChoice("tiny:edit:a")).toBe(true);
    expect(dialog.ownsChoice(CANCEL_PAYLOAD)).toBe(true);
    expect(dialog.ownsChoice("menu:report")).toBe(false);
  });
});

describe("typed choice payloads", () => {
  it("are built and read back, other payloads read as undefined", () => {
    const who = choicePayload("reg:who", ["self", "child"] as const);
    expect(who.of("child")).toBe("reg:who:child");
    expect(who.read("reg:who:child")).toBe("child");
    expect(who.read("reg:who:grandma")).toBeUndefined();
    expect(who.read("reg:whoself")).toBeUndefined();
    expect(who.read(undefined)).toBeUndefined();
  });
});

describe("report steps", () => {
  const fresh = (): ReportData => ({ evidence: [] });

  it("the category step takes the typed choice and a descriptive first text", async () => {
    const data = fresh();
    expect(await category.handle(fakeDialogContext({ choice: REPORT_PAYLOADS.category("relic-harm") }), data)).toEqual({ next: true });
    expect(data.categoryId).toBe("relic-harm");
    expect(reportDialog.nextStep(data)).toBe("description");
  });

  it("the description step does not take “tôi muốn phản ánh” said again, but takes a short matter such as “vẽ bậy”", async () => {
    const data = fresh();
    const asking = { intent: "report_violation", confidence: 0.99 } as Understanding;
    expect(await description.handle(fakeDialogContext({ text: "tôi muốn phản ánh", understanding: asking }), data)).toEqual({ invalid: "Phần mô tả là bắt buộc." });
    expect(data.description).toBeUndefined();
    expect(await description.handle(fakeDialogContext({ text: "vẽ bậy", understanding: asking }), data)).toEqual({ next: true });
    expect(data.description).toBe("vẽ bậy");
  });

  it("a name alone at the contact step is kept, and the phone is asked next; both at once go to the summary", async () => {
    const data: ReportData = { ...fresh(), categoryId: "relic-harm", description: "vẽ bậy", placeSkipped: true, whenSkipped: true, evidenceDone: true, similarDecided: true };
    expect(contact.takesData).toBe(true);
    expect(await contact.handle(fakeDialogContext({ text: "Nguyễn Văn An" }), data)).toEqual({ next: true });
    expect(data.contact).toEqual({ anonymous: false, name: "Nguyễn Văn An" });
    expect(reportDialog.nextStep(data)).toBe("contact_phone");
    expect(await contactPhone.handle(fakeDialogContext({ text: "0912 345 678" }), data)).toEqual({ next: true, say: "Mình ghi nhận: Nguyễn Văn An, số 09******78." });
    expect(reportDialog.nextStep(data)).toBe(SUMMARY_STEP);
  });

  it("the name step takes “Nguyễn Văn Gặp” as a name (its answer is data, never an intent)", async () => {
    const data: ReportData = { ...fresh(), contact: { anonymous: false, phone: "0912345678" } };
    expect(contactName.takesData).toBe(true);
    expect(await contactName.handle(fakeDialogContext({ text: "Nguyễn Văn Gặp" }), data)).toEqual({ next: true, say: "Mình ghi nhận: Nguyễn Văn Gặp, số 09******78." });
    expect(await contactName.handle(fakeDialogContext({ text: "0912" }), data)).toEqual({ invalid: "Họ tên chỉ gồm chữ, từ 2 đến 80 ký tự." });
  });

  it("“an danh” at the contact step is anonymous, said in Vietnamese", async () => {
    const data = fresh();
    const result = await contact.handle(fakeDialogContext({ text: "an danh" }), data);
    expect(data.contact).toEqual({ anonymous: true });
    expect(result).toMatchObject({ next: true, say: expect.stringContaining("Bạn gửi ẩn danh") });
  });

  it("evidence stays at its step while files come, and is done on “xong”", async () => {
    const data = fresh();
    const photo = fakeDialogContext({ attachments: [{ kind: "image", url: "https://x/a.jpg" }] });
    expect(await evidence.handle(photo, data)).toMatchObject({ stay: { text: "Đã nhận (1 ảnh). Bạn gửi thêm, hoặc chọn “Xong”." } });
    expect(evidence.answered(data)).toBe(false);
    expect(await evidence.handle(fakeDialogContext({ text: "xong" }), data)).toEqual({ next: true });
    expect(evidence.answered(data)).toBe(true);
  });

  it("speaks English to an English speaker", () => {
    expect(contact.ask(fakeDialogContext({ language: "en" }), fresh()).choices).toEqual([{ title: "Anonymous", payload: REPORT_PAYLOADS.anonymous }]);
  });
});

describe("registration steps", () => {
  const who = registrationDialog.step("who")!;

  for (const said of ["cho mình", "cho tôi", "bản thân"]) {
    it(`“${said}” at “for whom” is for myself`, async () => {
      const data: RegistrationData = { classId: "lop-quan-ho-vo-cuong" };
      expect(await who.handle(fakeDialogContext({ text: said }), data)).toEqual({ next: true });
      expect(data.who).toBe("self");
      expect(registrationDialog.nextStep(data)).toBe("name");
    });
  }

  it("a child's details are asked only for a child, after the parent's name and phone", async () => {
    const data: RegistrationData = { classId: "lop-quan-ho-vo-cuong" };
    await who.handle(fakeDialogContext({ choice: REGISTRATION_PAYLOADS.child }), data);
    expect(registrationDialog.nextStep(data)).toBe("name");
    const name = registrationDialog.step("name")!;
    expect(await name.handle(fakeDialogContext({ text: "Nguyễn Văn An 0912345678" }), data)).toEqual({ next: true, say: "Số điện thoại: 09******78." });
    expect(registrationDialog.nextStep(data)).toBe("child_name");
  });

  it("the shared name step works for any data", async () => {
    const step = nameStep<{ n?: string }>({ name: "n", answered: (d) => !!d.n, ask: () => ({ text: "?" }), take: (_ctx, d, n) => void (d.n = n) });
    const data: { n?: string } = {};
    expect(await step.handle(fakeDialogContext({ text: "Lê Văn Bộ" }), data)).toEqual({ next: true });
    expect(data.n).toBe("Lê Văn Bộ");
  });
});
