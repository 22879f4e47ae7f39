// Keyboard users can scroll a wide box sideways only if it can take focus (axe: scrollable-region-focusable).
// Focusable by construction, not by timing: in the task that makes the page ready (document$), every box that may
// scroll gets a tab stop. A box gives it up only where the browser has laid it out and it fits; a ResizeObserver
// decides again when its size changes (another width, or content-visibility laying it out as it comes near). A box
// whose content is not laid out yet keeps its tab stop, so no frame, scroll or observer has to come in time.
//
// Material mounts code blocks as they come into view (content.lazy) and then owns their tab stop (it marks the <pre>
// with an id __code_N); until then they are covered here. Notebook cells: the cell's focusable wrapper is the box
// that scrolls (extra.css), nothing to do.
document$.subscribe(({ body }) => {
  const owned = body.querySelectorAll(".md-typeset__scrollwrap, .md-typeset div.arithmatex");
  const laidOut = (box) => (box.firstElementChild || box).checkVisibility?.({ contentVisibilityAuto: true }) ?? true;
  const decide = (boxes) => {
    // All reads, then all writes: one layout for the whole batch.
    const fits = boxes.map((box) => laidOut(box) && box.scrollWidth <= box.clientWidth);
    boxes.forEach((box, i) => (fits[i] ? box.removeAttribute("tabindex") : (box.tabIndex = 0)));
  };
  decide([...owned]);
  const resized = new ResizeObserver((entries) => decide(entries.map((entry) => entry.target)));
  owned.forEach((box) => resized.observe(box));
  body.querySelectorAll(".md-typeset pre:not([id^='__code_']) > code").forEach((code) => (code.tabIndex = 0));
});
