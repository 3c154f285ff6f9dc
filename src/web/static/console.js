// Trợ lý văn hóa — staff console. Small helpers only: every page works without it; it adds live updates.
(() => {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";

  // Forms that change something important ask first.
  document.addEventListener("submit", (event) => {
    const message = event.target.dataset && event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });

  for (const button of document.querySelectorAll("[data-print]")) button.addEventListener("click", () => window.print());

  // A reply template fills the note to edit (select[data-fills="note"]), and picks its status.
  for (const select of document.querySelectorAll("select[data-fills]")) {
    select.addEventListener("change", () => {
      const option = select.selectedOptions[0];
      const target = document.getElementById(select.dataset.fills);
      if (!option || !option.dataset.text || !target) return;
      target.value = option.dataset.text;
      const status = select.form && select.form.elements.namedItem("status");
      if (status && option.dataset.status) status.value = option.dataset.status;
    });
  }

  // [data-poll="/path.part"]: the element's content is refreshed from the server (an HTML fragment rendered and
  // escaped there). New list items are outlined; a transcript keeps its scroll at the bottom.
  for (const box of document.querySelectorAll("[data-poll]")) {
    const url = box.dataset.poll;
    const every = Number(box.dataset.pollMs) || 5000;
    const scrollDown = () => box.querySelectorAll(".transcript").forEach((t) => (t.scrollTop = t.scrollHeight));
    scrollDown();
    let last = box.innerHTML;
    const known = new Set([...box.querySelectorAll("[data-key]")].map((li) => li.dataset.key));
    const tick = async () => {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch(url, { headers: { accept: "text/html", "x-csrf-token": csrf }, credentials: "same-origin" });
          if (response.status === 401) return window.location.reload();
          if (response.ok) {
            const text = await response.text();
            if (text !== last) {
              last = text;
              box.innerHTML = text;
              for (const li of box.querySelectorAll("[data-key]")) {
                if (!known.has(li.dataset.key)) li.classList.add("new");
                known.add(li.dataset.key);
              }
              scrollDown();
            }
          }
        } catch {
          // offline for a moment: try again at the next tick
        }
      }
      setTimeout(tick, every);
    };
    setTimeout(tick, every);
  }
})();
