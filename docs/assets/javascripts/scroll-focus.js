// Keyboard users can scroll a wide table, formula, code cell or output sideways only if it can take focus
// (axe: scrollable-region-focusable). Material does this for its code blocks; this covers what it leaves out:
// the tables it wraps, display math, and mkdocs-jupyter's cells. Only boxes that overflow get a tab stop.
document$.subscribe(({ body }) => {
  const candidates = ".md-typeset__scrollwrap, .md-typeset div.arithmatex, .jupyter-wrapper pre, .jp-OutputArea-output";
  const update = () =>
    body.querySelectorAll(candidates).forEach((box) => {
      const scrolls = box.scrollWidth > box.clientWidth && /auto|scroll/.test(getComputedStyle(box).overflowX);
      if (scrolls && !box.querySelector("a, button, [tabindex]")) box.tabIndex = 0;
      else if (box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
    });
  update();
  let timer;
  addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 200);
  });
});
