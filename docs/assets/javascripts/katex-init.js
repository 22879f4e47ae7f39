// Notebook pages only (tools/hooks.py drops this script elsewhere): typeset the $...$ and $$...$$ that
// mkdocs-jupyter leaves in Markdown cells, with KaTeX served from this site. Pages are typeset at build time.
document$.subscribe(({ body }) => {
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
