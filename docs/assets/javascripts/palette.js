// The colour toggle. Material's palette component is not mounted (overrides/partials/palette.html says why); the
// header's inline script set the reader's colours before the page was drawn and defines __md_palette, which applies
// and saves a palette. Here: switching, by pointer or keyboard, with transitions off while the colours change (as
// Material does); a reader who has not chosen follows the system's light or dark; the mobile browser's bar takes the
// header's colour.
(() => {
  const form = document.querySelector("form[data-md-palette]");
  if (!form || typeof __md_palette !== "function") return;
  const inputs = [...form.querySelectorAll(":scope > input")];
  const header = document.querySelector(".md-header");
  const meta = document.createElement("meta");
  meta.name = "theme-color";
  const barColour = () => {
    if (header) meta.content = getComputedStyle(header).backgroundColor;
  };

  function show(index, save) {
    document.body.setAttribute("data-md-color-switching", "");
    __md_palette(index, save);
    barColour();
    setTimeout(() => document.body.removeAttribute("data-md-color-switching"));
  }

  form.addEventListener("change", (event) => {
    const index = inputs.indexOf(event.target);
    if (index >= 0) show(index, true);
  });
  // Enter switches too (a radio button only takes the arrow keys), and the focus follows to the next toggle.
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const next = inputs[(inputs.findIndex((input) => input.checked) + 1) % inputs.length];
    next.click();
    next.focus();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    if (!__md_get("__palette")) show();
  });
  // The bar's colour is read once the page is idle: reading a style on load would force a restyle.
  (window.requestIdleCallback || setTimeout)(() => {
    barColour();
    document.head.appendChild(meta);
  });
})();
