// Keyboard users can scroll a wide box sideways only if it can take focus (axe: scrollable-region-focusable).
// Focusable by construction, not by timing: in the task that makes the page ready (document$), every box that may
// scroll gets a tab stop, by writes alone (no layout is read, so the page is not laid out again for it). An extra tab
// stop is harmless, a missing one is a bug: a box gives its stop up only later, in idle time, where the browser has
// laid it out and it fits. A ResizeObserver makes that decision (its first report of each box comes with the first
// frame after it starts, its next ones when a size changes: another width, or content-visibility laying the box out
// as it comes near), so the reads happen where layout is already done, never forcing one of the whole page on load.
// A box whose content is not laid out yet keeps its tab stop, so no frame, scroll or observer has to come in time.
//
// Material mounts code blocks as they come into view (content.lazy) and then owns their tab stop (it marks the <pre>
// with an id __code_N); until then they are covered here. Notebook cells: the cell's focusable wrapper is the box that
// scrolls (extra.css), nothing to do.
document$.subscribe(({ body }) => {
  const owned = body.querySelectorAll(".md-typeset__scrollwrap, .md-typeset div.arithmatex");
  owned.forEach((box) => (box.tabIndex = 0));
  body.querySelectorAll(".md-typeset pre:not([id^='__code_']) > code").forEach((code) => (code.tabIndex = 0));

  const laidOut = (box) => (box.firstElementChild || box).checkVisibility?.({ contentVisibilityAuto: true }) ?? true;
  const decide = (boxes) => {
    // All reads, then all writes.
    const fits = boxes.map((box) => laidOut(box) && box.scrollWidth <= box.clientWidth);
    boxes.forEach((box, i) => (fits[i] ? box.removeAttribute("tabindex") : (box.tabIndex = 0)));
  };
  const observe = () => {
    const resized = new ResizeObserver((entries) => decide(entries.map((entry) => entry.target)));
    owned.forEach((box) => resized.observe(box));
  };
  if (window.requestIdleCallback) requestIdleCallback(observe, { timeout: 3000 });
  else setTimeout(observe, 1000);
});
