// The reader keeps their place: the language switcher and the chapter <-> notebook links lead to the section being
// read (the same ids in both languages and in a chapter's notebook: `make translations` and the notebook hook keep
// them so). The href is set when the link is about to be followed (pointer, keyboard focus, context menu), so "open
// in a new tab" and a copied link carry the place too; without JavaScript the links lead to the top of the page.
(() => {
  const LINKS = "a.md-select__link[hreflang], a[data-keep-place]";
  const HEADINGS = "h1[id], h2[id], h3[id], h4[id]";

  // The element the reader is at: the #target they followed while it is still on screen, otherwise the last
  // heading that has scrolled under the header. At the top of the page: none.
  function place() {
    const article = document.querySelector(".md-content article") || document.querySelector(".md-content");
    if (!article) return "";
    const header = document.querySelector(".md-header");
    const line = (header ? header.getBoundingClientRect().bottom : 0) + 24;
    const hash = decodeURIComponent(location.hash.slice(1));
    const target = hash && document.getElementById(hash);
    if (target && article.contains(target)) {
      const top = target.getBoundingClientRect().top;
      if (top > -window.innerHeight / 2 && top < window.innerHeight / 2) return hash;
    }
    let current = "";
    for (const heading of article.querySelectorAll(HEADINGS)) {
      if (heading.getBoundingClientRect().top > line) break;
      current = heading.tagName === "H1" ? "" : heading.id;
    }
    return current;
  }

  // The chapter <-> notebook links sit at the top of the page: a reader who scrolls up from a section to follow one
  // gets the section they were reading, not the top. The switcher always follows the place on screen.
  let lastRead = "";
  const remember = () => {
    lastRead = place() || lastRead;
  };
  addEventListener("scroll", remember, { passive: true }); // scroll events come at most once a frame
  // A page opened at a #target is at that target: noted without reading the layout (a forced layout of the whole
  // page at load, on a long chapter, was a long task on a phone).
  const opened = decodeURIComponent(location.hash.slice(1));
  const article = document.querySelector(".md-content");
  if (opened && article && article.contains(document.getElementById(opened))) lastRead = opened;

  function carry(event) {
    const link = event.target.closest && event.target.closest(LINKS);
    if (!link) return;
    const id = link.hasAttribute("data-keep-place") ? place() || lastRead : place();
    const url = new URL(link.href, location.href);
    url.hash = id ? `#${encodeURIComponent(id)}` : "";
    link.href = url.href;
  }

  for (const type of ["pointerdown", "focusin", "click", "auxclick", "contextmenu"]) {
    document.addEventListener(type, carry, true);
  }
})();
