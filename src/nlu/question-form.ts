/**
 * Whether a message asks something rather than tells something. Used to keep questions about what a festival
 * commemorates or who handles violations ("lễ hội đền Đô tưởng niệm ai", "ai có trách nhiệm phát hiện vi phạm …")
 * from opening the violation report, which is for people telling of a violation.
 *
 * @example asksQuestion("le hoi den do tuong niem ai")          // true
 * @example asksQuestion("co nguoi viet ve bay len tuong dinh")  // false
 */

// Question words and frames, folded. "không" only counts at the end ("có … không"), "ai" anywhere.
const QUESTION = /(^| )(ai|gi|nao|bao gio|khi nao|the nao|nhu the nao|ra sao|bao nhieu|bao lau|o dau|tai sao|vi sao|de lam gi|y nghia|tuong nho|tuong niem|tho ai|la ai|la gi|co phai|phai khong|dung khong|who|what|when|where|which|how|why|whom|whose)( |$)|^(is|are|does|do|did|can|will|has|have) |(^| )co .+ (khong|ko|k)( a| ad| nhi| vay)?$|(^| )(it nhat|toi thieu|phai co|la) may( |$)|\?\s*$/;
// A person telling what they saw or want to report. "Có người nước ngoài / người dân tham gia" in a question is who
// takes part, not someone seen doing something.
const TELLS = /(^| )(toi|minh|em|chau|chung toi|nha toi) (thay|gap|bi|muon (bao|phan anh|to cao)|phan anh|to cao|bao cao)( |$)|(^| )(gui|muon) phan anh( |$)|(^| )(gui|nop|chup|quay) (anh|hinh|video|clip|bang chung)( |$)|(^| )(co nguoi(?! (nuoc ngoai|dan|tham gia|viet nam|ban xu))|dang co|vua co) /;

/** True when the folded message is a question and does not tell of something the person saw or wants to report. */
export function asksQuestion(folded: string, raw = ""): boolean {
  const f = folded.trim();
  return (QUESTION.test(f) || /\?\s*$/.test(raw)) && !TELLS.test(f);
}
