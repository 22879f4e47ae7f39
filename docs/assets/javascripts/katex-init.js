// Render math with KaTeX served from this site (no CDN): pymdownx.arithmatex spans on pages,
// and $...$ / $$...$$ in the Markdown cells of the chapter notebooks (mkdocs-jupyter).
document$.subscribe(({ body }) => {
  body.querySelectorAll(".arithmatex").forEach((element) => {
    renderMathInElement(element, {
      delimiters: [
        { left: "\\(", right: "\\)", display: false },
        { left: "\\[", right: "\\]", display: true },
      ],
      throwOnError: false,
    });
  });
  body.querySelectorAll(".jupyter-wrapper .jp-RenderedMarkdown").forEach((element) => {
    renderMathInElement(element, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      throwOnError: false,
    });
  });
});
