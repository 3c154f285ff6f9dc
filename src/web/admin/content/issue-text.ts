/**
 * The schema's messages (English, written for the YAML files) in Vietnamese for the console's forms; a message not
 * listed is shown as it is.
 *
 * @example issueText("Number must be ≤ 12") // "Phải nhỏ hơn hoặc bằng 12."
 */
const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Number must be ≤ (\d+)/, (m) => `Phải nhỏ hơn hoặc bằng ${m[1]}.`],
  [/^Number must be ≥ (\d+)/, (m) => `Phải lớn hơn hoặc bằng ${m[1]}.`],
  [/^Must be a whole number/, () => "Phải là số nguyên."],
  [/^Must not be empty/, () => "Không được để trống."],
  [/^Must be a kebab-case id/, () => "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ “hoi-lim”."],
  [/^Duplicate id "(.+)"/, (m) => `Mã “${m[1]}” đã có trong tệp.`],
  [/^An open class needs a capacity/, () => "Lớp đang nhận đăng ký cần có số chỗ."],
  [/is set: say where it was checked/, () => "Đã có điện thoại, email hoặc địa chỉ thì cần ghi nguồn thông tin liên hệ (không tự đặt ra số liên hệ)."],
  [/^Only lunar dates have leap months/, () => "Chỉ ngày âm lịch mới có tháng nhuận."],
  [/^Main day (\d+) is outside/, (m) => `Ngày chính hội ${m[1]} nằm ngoài những ngày diễn ra lễ hội.`],
  [/^Day (\d+) does not exist in month (\d+)/, (m) => `Tháng ${m[2]} không có ngày ${m[1]}.`],
  [/^Must be an email address/, () => "Email không hợp lệ."],
  [/^Must look like a phone number/, () => "Số điện thoại chỉ gồm chữ số, khoảng trắng, dấu chấm, gạch ngang."],
  [/^Invalid URL|^Invalid url/i, () => "Liên kết phải là địa chỉ web đầy đủ (https://…)."],
  [/^Not a real calendar date/, () => "Ngày này không có thật."],
  [/^Must be a date written YYYY-MM-DD/, () => "Ngày viết dạng YYYY-MM-DD."],
  [/^Unknown field/, () => "Trường không được hỗ trợ."],
  [/^Write the source as a person names it/, () => "Ghi nguồn như người đọc gọi tên nó (“Cổng TTĐT tỉnh Bắc Ninh”, “Kế hoạch …, mục V.1”), không ghi mã nội bộ."],
  [/^(Latitude|Longitude) outside Vietnam/, () => "Tọa độ nằm ngoài Việt Nam (có thể đã đảo vĩ độ và kinh độ)."],
  [/^Coordinates must come from a source a person can check/, () => "Tọa độ phải lấy từ một nguồn kiểm tra được (bản đồ, hồ sơ di tích, khảo sát tại chỗ), không ước đoán: để trống cho đến khi có."],
];

/** One schema message in Vietnamese. */
export function issueText(message: string): string {
  for (const [pattern, say] of RULES) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  return message;
}
