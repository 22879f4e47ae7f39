// Keyboard users can scroll a wide table, formula, code cell or output sideways only if it can take focus
// (axe: scrollable-region-focusable). Material does this for its code blocks; this covers what it leaves out:
// the tables it wraps, display math, and mkdocs-jupyter's cells. Only boxes that overflow get a tab stop, checked
// as each box comes into view (far-off boxes have no layout yet: content-visibility).
document$.subscribe(({ body }) => {
  const candidates =
    ".md-typeset__scrollwrap, .md-typeset div.arithmatex, .jupyter-wrapper .highlight-ipynb, .jupyter-wrapper pre";
  const update = (box) => {
    if (!box.clientWidth) return; // no layout yet (content-visibility): decided when it comes into view
    const scrolls = box.scrollWidth > box.clientWidth && /auto|scroll/.test(getComputedStyle(box).overflowX);
    if (scrolls && !box.querySelector("a, button, [tabindex]")) box.tabIndex = 0;
    else if (box.getAttribute("tabindex") === "0") box.removeAttribute("tabindex");
  };
  const observer = new IntersectionObserver((entries) =>
    entries.forEach((entry) => entry.isIntersecting && update(entry.target)),
  );
  const observe = () => body.querySelectorAll(candidates).forEach((box) => observer.observe(box));
  observe();
  // Another width can make a box overflow, or stop: look again at each box as it is (or comes) into view.
  let timer;
  addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      observer.disconnect();
      observe();
    }, 100);
  });
});
