// Trợ lý văn hóa — web chat. Sends text or a choice to /chat/api/messages and shows the bot's replies;
// polls for replies that come later (a report's status, a staff answer). No framework, nothing from outside.
(() => {
  "use strict";
  const root = document.querySelector(".chat");
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const button = form.querySelector("button");
  const pack = root.dataset.pack || undefined;
  let busy = false;

  function bubble(kind, text) {
    const li = document.createElement("li");
    li.className = kind;
    const p = document.createElement("p");
    p.textContent = text;
    li.appendChild(p);
    log.appendChild(li);
    li.scrollIntoView({ block: "end" });
    return li;
  }

  function showReply(reply) {
    const li = bubble("bot", reply.text);
    for (const image of reply.images || []) {
      const img = document.createElement("img");
      img.src = image.url;
      img.alt = image.caption || "";
      li.appendChild(img);
    }
    if (reply.links && reply.links.length) {
      const ul = document.createElement("ul");
      ul.className = "links";
      for (const link of reply.links) {
        const a = document.createElement("a");
        a.href = link.url;
        a.textContent = link.title;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        const item = document.createElement("li");
        item.appendChild(a);
        ul.appendChild(item);
      }
      li.appendChild(ul);
    }
    if (reply.choices && reply.choices.length) {
      const box = document.createElement("div");
      box.className = "choices";
      for (const choice of reply.choices) {
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = choice.title;
        b.dataset.choice = choice.payload;
        box.appendChild(b);
      }
      li.appendChild(box);
    }
    li.scrollIntoView({ block: "end" });
  }

  async function send(body, shown) {
    if (busy) return;
    busy = true;
    button.disabled = true;
    bubble("me", shown);
    const typing = bubble("bot typing", "Đang trả lời…");
    // One id per message: sent again after a dropped connection, the server answers it once.
    const id = (self.crypto && crypto.randomUUID ? crypto.randomUUID() : Date.now() + "-" + Math.random().toString(36).slice(2)).replace(/[^A-Za-z0-9_-]/g, "");
    const post = () =>
      fetch("/chat/api/messages", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ ...body, pack, id }),
      });
    try {
      const response = await post().catch(() => post());
      const data = await response.json().catch(() => ({}));
      typing.remove();
      if (!response.ok) {
        bubble("bot error", data.error || "Không gửi được tin nhắn. Vui lòng thử lại.");
      } else {
        for (const reply of data.replies || []) showReply(reply);
      }
    } catch {
      typing.remove();
      bubble("bot error", "Mất kết nối. Vui lòng thử lại.");
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
        const response = await fetch("/chat/api/messages", { headers: { accept: "application/json" } });
        if (response.ok) {
          const data = await response.json();
          for (const reply of data.replies || []) showReply(reply);
        }
      } catch {
        // offline for a moment: the next poll tries again
      }
    }
    setTimeout(poll, 4000);
  }
  setTimeout(poll, 4000);
  input.focus();
})();
