// Notebook pages only (overrides/main.html loads this script there). Chapter pages need none of it.
document$.subscribe(({ body }) => {
  // Typeset the $...$ and $$...$$ that mkdocs-jupyter leaves in Markdown cells, with KaTeX served from this site.
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
