// Trợ lý văn hóa — staff console. Small helpers only: every page works without it, it adds live updates.
(() => {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content || "";
  window.consoleFetch = (url, options = {}) =>
    fetch(url, { ...options, headers: { accept: "application/json", "x-csrf-token": csrf, ...(options.headers || {}) } });
  // Forms that change something important ask first.
  document.addEventListener("submit", (event) => {
    const message = event.target.dataset && event.target.dataset.confirm;
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
