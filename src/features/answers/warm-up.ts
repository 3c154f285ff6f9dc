import { setImmediate as nextTurn } from "node:timers/promises";
import { cutForUnderstanding } from "../../nlu/text-limit.js";
import type { Knowledge } from "../../shared/knowledge.js";
import { answer } from "./answer.js";
import { plansOf } from "./plans/plans-of.js";

/**
 * Made-up messages that take the answer path's branches a person's first messages take: a festival date, a plan
 * question, typo'd names, English, Chinese and Korean, and long texts cut as understanding cuts them (a pasted page, a
 * run of one "word", a mix of scripts).
 */
const WARM_UP_TEXTS = [
  "hội lim năm nay tổ chức ngày nào",
  "kế hoạch phát triển văn hóa đến năm 2030 có những nhiệm vụ gì, kinh phí lấy từ đâu",
  "when is the perfume pagoda festival this year",
  "北宁今年的庙会是哪一天？门票多少钱？",
  "올해 관호 축제는 언제 열리나요?",
  "le hoii giong soc son, quan hoo bac ninhh, den hunng phu tho ".repeat(40),
  "mình muốn hỏi lịch các lễ hội truyền thống trong tỉnh và giờ mở cửa bảo tàng ".repeat(30),
  "abc-".repeat(600),
  "🎉 chào bạn ".repeat(300),
  "古 文化 한국 🏮 ạ ß ".repeat(200),
];

/**
 * Runs understanding and the answer on {@link WARM_UP_TEXTS} a few times, once the server listens (server.warm(),
 * from main.ts, after the plan index): V8 compiles and optimises that code then, instead of while the first people
 * wait. Measured on the 2-core machine (docs/faults.md, "Worst-case input"): a first 2,000-character question took
 * 67 ms of CPU to understand and 122 ms to answer, against about 10 and 4 ms once warm; a first text of random
 * scripts (Chinese, out of scope) 111 ms to answer, then 2. Six rounds, not two: after two, a first 1 MB text of
 * typo'd names still took 30–44 ms of CPU to understand and answer (V8 had not optimised that code yet), after six
 * 11–16 ms (12 rounds: no better). The warm-up costs ~0.9 s of CPU once (two rounds ~0.5 s). Nothing is
 * stored or sent; each text waits a turn of the event loop, so a webhook that comes meanwhile is served between them.
 *
 * @example await warmAnswerPath(knowledge, services.today());
 */
export async function warmAnswerPath(knowledge: Knowledge, today: string, rounds = 6): Promise<void> {
  const pack = knowledge.content.pack(knowledge.defaultPack);
  const plans = plansOf(knowledge);
  for (let round = 0; round < rounds; round++) {
    for (const whole of WARM_UP_TEXTS) {
      await nextTurn();
      const text = cutForUnderstanding(whole);
      const { intent, language, entities } = knowledge.understander.understand(text, { today });
      await nextTurn(); // cold, each half can hold the thread for ~0.1 s: a webhook may come between them
      await answer({ text, intent, language, entities, today, pack, plans });
    }
  }
}
