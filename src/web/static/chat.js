// Trợ lý văn hóa — web chat. Sends text or a choice to /chat/api/messages and shows the bot's replies;
// polls for replies that come later (a report's status, a staff answer); after a reload shows the conversation
// again (the session is the httpOnly cookie, so a script cannot read it); marks staff replies; says while a staff
// handoff is open; sends a photo and the browser's location. No framework, nothing from outside.
(() => {
  "use strict";
  const root = document.querySelector(".chat");
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const button = document.getElementById("send");
  const status = document.getElementById("status");
  const locate = document.getElementById("locate");
  const photo = document.getElementById("photo");
  const pack = root.dataset.pack || undefined;
  let lang = root.dataset.lang || "vi";
  let busy = false;
  const query = () => "?" + new URLSearchParams(pack ? { pack } : {});
  // The page's own words in the person's language (set on the page, updated by applyFrame).
  const t = (key) => root.dataset[key] || "";

  // Whether staff are awaited, from any answer of the API.
  function applyState(data) {
    if (typeof data.waitingForStaff === "boolean") {
      status.hidden = !data.waitingForStaff;
      status.textContent = t("waiting");
    }
  }

  // The frame follows the person's language: each answer says which it is now ("中文", "한국어" switch it).
  function applyFrame(frame) {
    if (!frame || !frame.lang) return;
    lang = frame.lang;
    document.documentElement.lang = frame.lang;
    document.title = `${frame.title} · ${frame.subtitle.split(" · ")[0]}`;
    document.getElementById("chat-title").textContent = frame.title;
    document.getElementById("chat-subtitle").textContent = frame.subtitle;
    document.getElementById("text-label").textContent = frame.inputLabel;
    document.getElementById("chat-note").textContent = frame.note;
    log.setAttribute("aria-label", frame.logLabel);
    input.placeholder = frame.placeholder;
    button.textContent = frame.send;
    root.dataset.typing = frame.typing;
    root.dataset.sendFailed = frame.sendFailed;
    root.dataset.offline = frame.offline;
    for (const key of ["staff", "waiting", "photo", "location", "noLocation"]) root.dataset[key] = frame[key];
    document.getElementById("photo-label").title = frame.photo;
    locate.title = frame.location;
  }

  /** An element with its properties (`dataset` entries among them) set and its children appended. */
  function el(tag, props, ...children) {
    const { dataset, ...rest } = props;
    const node = Object.assign(document.createElement(tag), rest);
    Object.assign(node.dataset, dataset);
    for (const child of children) node.appendChild(child);
    return node;
  }

  function bubble(kind, text, label) {
    const who = label ? [el("span", { className: "who", textContent: label })] : [];
    const li = el("li", { className: kind }, ...who, el("p", { textContent: text }));
    log.appendChild(li);
    li.scrollIntoView({ block: "end" });
    return li;
  }

  function showReply(reply) {
    const li = reply.fromStaff ? bubble("bot staff", reply.text, t("staff")) : bubble("bot", reply.text);
    for (const image of reply.images || []) li.appendChild(el("img", { src: image.url, alt: image.caption || "" }));
    if (reply.links && reply.links.length) {
      const items = reply.links.map((link) => el("li", {}, el("a", { href: link.url, textContent: link.title, target: "_blank", rel: "noopener noreferrer" })));
      li.appendChild(el("ul", { className: "links" }, ...items));
    }
    if (reply.choices && reply.choices.length) {
      const buttons = reply.choices.map((choice) => el("button", { type: "button", textContent: choice.title, dataset: { choice: choice.payload } }));
      li.appendChild(el("div", { className: "choices" }, ...buttons));
    }
    li.scrollIntoView({ block: "end" });
  }

  async function send(body, shown) {
    if (busy) return;
    busy = true;
    button.disabled = true;
    bubble("me", shown);
    const typing = bubble("bot typing", root.dataset.typing);
    // One id per message: sent again after a dropped connection, the server answers it once.
    const id = (self.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now() + "-" + Math.random().toString(36).slice(2)).replace(/[^A-Za-z0-9_-]/g, "");
    const post = () =>
      body instanceof Blob
        ? fetch("/chat/api/photo?" + new URLSearchParams({ id, ...(pack ? { pack } : {}) }), { method: "POST", headers: { "content-type": "application/octet-stream", accept: "application/json" }, body })
        : fetch("/chat/api/messages", {
            method: "POST",
            headers: { "content-type": "application/json", accept: "application/json" },
            body: JSON.stringify({ ...body, pack, id, lang }),
          });
    try {
      const response = await post().catch(() => post());
      const data = await response.json().catch(() => ({}));
      typing.remove();
      if (!response.ok) {
        bubble("bot error", data.error || root.dataset.sendFailed);
      } else {
        applyFrame(data.frame);
        for (const reply of data.replies || []) showReply(reply);
        applyState(data);
      }
    } catch {
      typing.remove();
      bubble("bot error", root.dataset.offline);
    } finally {
      busy = false;
      button.disabled = false;
      input.focus();
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    void send({ text }, text);
  });

  log.addEventListener("click", (event) => {
    const target = event.target.closest("button[data-choice]");
    if (!target) return;
    void send({ choice: target.dataset.choice, text: target.textContent }, target.textContent);
  });

  async function poll() {
    if (!busy && document.visibilityState === "visible") {
      try {
        const response = await fetch("/chat/api/messages" + query(), { headers: { accept: "application/json" } });
        if (response.ok) {
          const data = await response.json();
          for (const reply of data.replies || []) showReply(reply);
          applyState(data);
        }
      } catch {
        // offline for a moment: the next poll tries again
      }
    }
    setTimeout(poll, 4000);
  }

  locate.addEventListener("click", () => {
    if (!navigator.geolocation) return void bubble("bot error", t("noLocation"));
    navigator.geolocation.getCurrentPosition(
      (position) => void send({ location: { latitude: position.coords.latitude, longitude: position.coords.longitude } }, t("location")),
      () => bubble("bot error", t("noLocation")),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });

  photo.addEventListener("change", () => {
    const file = photo.files && photo.files[0];
    photo.value = "";
    if (file) void send(file, t("photo"));
  });

  // After a reload: the conversation so far (the greeting above stays first), then the polling.
  async function restore() {
    try {
      const response = await fetch("/chat/api/transcript" + query(), { headers: { accept: "application/json" } });
      if (response.ok) {
        const data = await response.json();
        applyState(data);
        for (const line of data.lines || []) {
          if (line.from === "person") bubble("me", line.text);
          else if (line.from === "staff") bubble("bot staff", line.text, t("staff"));
          else bubble("bot", line.text);
        }
      }
    } catch {
      // offline: the page still works for new messages
    }
    root.dataset.restored = "true";
    setTimeout(poll, 4000);
  }
  void restore();
  input.focus();
})();
